// The face capture on the phone: the camera, the prompted actions spoken aloud, at most about
// 4.5 s of low-resolution video, then the upload of the clip.
(() => {
  var root = document.getElementById("capture");
  if (!root) return;
  var d = root.dataset,
    prompts = JSON.parse(d.prompts),
    texts = JSON.parse(d.texts);
  var status = document.getElementById("capture-status"),
    btn = document.getElementById("capture-start"),
    video = document.getElementById("capture-video");
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
    document.getElementById("no-camera").hidden = false;
    root.hidden = true;
    return;
  }
  btn.hidden = false;
  btn.onclick = async () => {
    btn.disabled = true;
    var stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user", width: { ideal: 480 }, height: { ideal: 640 } }, audio: false });
    } catch (_e) {
      status.textContent = d.denied;
      btn.disabled = false;
      return;
    }
    video.srcObject = stream;
    try {
      await video.play();
    } catch (_e) {}
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
    rec.start(250);
    for (var i = 0; i < prompts.length; i++) {
      say(texts[prompts[i]]);
      await new Promise((r) => {
        setTimeout(r, 2200);
      });
    }
    rec.stop();
    await stopped;
    stream.getTracks().forEach((x) => {
      x.stop();
    });
    status.textContent = d.uploading;
    var fd = new FormData();
    fd.append("clip", new Blob(chunks, { type: (rec.mimeType || type || "video/webm").split(";")[0] }), "clip");
    try {
      var r = await fetch("/p/clip", { method: "POST", body: fd, credentials: "same-origin" });
      var j = await r.json();
      if (j.error) {
        status.textContent = j.message;
        btn.disabled = false;
        return;
      }
    } catch (_e) {
      status.textContent = d.neterror;
      btn.disabled = false;
      return;
    }
    location.replace("/p");
  };
})();
