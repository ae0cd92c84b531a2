// The face capture on the phone: the camera's live preview in the oval as soon as the page opens
// (or on a tap where the browser wants one), then, on 开始刷脸, a 3-2-1 countdown, at most about
// 4.5 s of low-resolution video with each prompted action shown large and spoken and the seconds
// left, then the clip's upload with its progress. Nothing is recorded before the countdown ends.
(() => {
  var root = document.getElementById("capture");
  if (!root) return;
  var d = root.dataset,
    prompts = JSON.parse(d.prompts),
    texts = JSON.parse(d.texts),
    step = Number(d.stepMs) || 2200;
  var $ = (id) => document.getElementById(id);
  var status = $("capture-status"),
    start = $("capture-start"),
    camera = $("capture-camera"),
    video = $("capture-video"),
    count = $("capture-count"),
    recLine = $("capture-rec"),
    left = $("capture-left"),
    oval = $("capture-oval"),
    problem = $("camera-problem"),
    view = $("capture-view");
  var stream;
  var wait = (ms) =>
    new Promise((r) => {
      setTimeout(r, ms);
    });
  function say(s) {
    status.textContent = s;
    try {
      var u = new SpeechSynthesisUtterance(s);
      u.lang = d.lang;
      speechSynthesis.cancel();
      speechSynthesis.speak(u);
    } catch (_e) {}
  }
  if (!(navigator.mediaDevices?.getUserMedia && window.MediaRecorder)) {
    $("no-camera").hidden = false;
    root.hidden = true;
    return;
  }
  // What went wrong with the camera, and what to do: "denied" (permission) or "missing" (none, or busy).
  function trouble(kind) {
    problem.hidden = !kind;
    view.hidden = !!kind;
    problem.querySelectorAll("[data-for]").forEach((el) => {
      el.hidden = el.dataset.for !== kind;
    });
  }
  async function open() {
    camera.hidden = true;
    trouble(null);
    status.textContent = d.opening;
    try {
      stream = stream || (await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user", width: { ideal: 480 }, height: { ideal: 640 } }, audio: false }));
    } catch (e) {
      trouble(e && (e.name === "NotAllowedError" || e.name === "SecurityError") ? "denied" : "missing");
      status.textContent = "";
      camera.hidden = false;
      return;
    }
    video.srcObject = stream;
    try {
      await video.play();
    } catch (_e) {
      // This browser plays video only after a tap: the camera is open, the button shows it.
      status.textContent = d.tap;
      camera.hidden = false;
      return;
    }
    status.textContent = d.frame;
    start.hidden = false;
    start.disabled = false;
  }
  camera.onclick = open;

  function upload(blob) {
    var fd = new FormData();
    fd.append("clip", blob, "clip");
    return new Promise((done) => {
      var x = new XMLHttpRequest();
      x.open("POST", "/p/clip");
      x.responseType = "json";
      x.upload.onprogress = (e) => {
        if (e.lengthComputable) status.textContent = `${d.uploading} ${Math.round((e.loaded / e.total) * 100)}%`;
      };
      x.upload.onload = () => {
        status.textContent = d.checking;
      };
      x.onload = () => done(x.response || { message: d.neterror });
      x.onerror = () => done({ message: d.neterror });
      x.send(fd);
    });
  }

  start.onclick = async () => {
    start.disabled = true;
    // iOS speaks only from a tap: an empty utterance now lets the prompts be spoken later.
    try {
      speechSynthesis.speak(new SpeechSynthesisUtterance(""));
    } catch (_e) {}
    status.textContent = d.ready;
    for (var n = 3; n > 0; n--) {
      count.textContent = String(n);
      await wait(1000);
    }
    count.textContent = "";
    var types = ["video/mp4;codecs=avc1", "video/mp4", "video/webm;codecs=vp8", "video/webm"],
      type = types.find((x) => MediaRecorder.isTypeSupported(x)) || "";
    var rec = new MediaRecorder(stream, type ? { mimeType: type, videoBitsPerSecond: 300000 } : { videoBitsPerSecond: 300000 }),
      chunks = [];
    rec.ondataavailable = (e) => {
      if (e.data.size) chunks.push(e.data);
    };
    var stopped = new Promise((r) => {
      rec.onstop = r;
    });
    var total = prompts.length * step,
      began = Date.now();
    var tick = () => {
      left.textContent = d.left.replace("{s}", String(Math.max(1, Math.ceil((total - (Date.now() - began)) / 1000))));
    };
    tick();
    var timer = setInterval(tick, 200);
    recLine.classList.add("on");
    oval.classList.add("recording");
    status.classList.add("now");
    rec.start(250);
    for (var i = 0; i < prompts.length; i++) {
      say(texts[prompts[i]]);
      await wait(step);
    }
    rec.stop();
    await stopped;
    clearInterval(timer);
    recLine.classList.remove("on");
    oval.classList.remove("recording");
    status.classList.remove("now");
    status.textContent = d.uploading;
    var j = await upload(new Blob(chunks, { type: (rec.mimeType || type || "video/webm").split(";")[0] }));
    if (!j.ok) {
      // The preview stays live: another try needs only the button.
      status.textContent = j.message || d.neterror;
      start.disabled = false;
      return;
    }
    stream.getTracks().forEach((x) => {
      x.stop();
    });
    location.replace("/p");
  };
  open();
})();
