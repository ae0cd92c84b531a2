// The phone's ID photos: resized to 1600 px and about 300 KB before upload, then sent with fetch
// so the page can say how it went; without these APIs the plain form posts as it is.
(() => {
  var f = document.getElementById("id-capture");
  if (!f || !window.fetch || !window.FormData) return;
  var status = document.getElementById("id-status");
  async function shrink(file) {
    if (!file?.size || !window.createImageBitmap) return file;
    var img = await createImageBitmap(file),
      k = Math.min(1, 1600 / Math.max(img.width, img.height)),
      c = document.createElement("canvas");
    c.width = Math.round(img.width * k);
    c.height = Math.round(img.height * k);
    c.getContext("2d").drawImage(img, 0, 0, c.width, c.height);
    for (var q = 0.85; q >= 0.45; q -= 0.1) {
      var b = await new Promise((r) => {
        c.toBlob(r, "image/jpeg", q);
      });
      if (b && (b.size <= 307200 || q < 0.5)) return new File([b], "id.jpg", { type: "image/jpeg" });
    }
    return file;
  }
  var btn = f.querySelector("button[type=submit]");
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (btn.disabled) return;
    btn.disabled = true;
    status.textContent = f.dataset.busy;
    var fd = new FormData();
    for (var n of ["id_front", "id_back"]) {
      var input = f.elements[n];
      fd.append(n, await shrink(input.files?.[0]));
    }
    try {
      var r = await fetch(f.action, { method: "POST", body: fd, headers: { accept: "application/json" }, credentials: "same-origin" });
      var j = await r.json();
      if (j.errors) {
        status.textContent = Object.values(j.errors).join(" ");
        btn.disabled = false;
        return;
      }
      location.replace("/p");
    } catch (_x) {
      status.textContent = f.dataset.neterror;
      btn.disabled = false;
    }
  });
})();
