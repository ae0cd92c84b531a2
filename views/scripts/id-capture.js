// The phone's ID photos: resized to 1600 px and about 300 KB before upload (shared/shrink-photo.js,
// as the desktop's), then sent with fetch so the page can say how it went; without these APIs the
// plain form posts as it is.
import { shrinkPhoto } from "./shared/shrink-photo.js";

(() => {
  var f = document.getElementById("id-capture");
  if (!f || !window.fetch || !window.FormData) return;
  var status = document.getElementById("id-status");
  var btn = f.querySelector("button[type=submit]");
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (btn.disabled) return;
    btn.disabled = true;
    status.textContent = f.dataset.busy;
    var fd = new FormData();
    for (var n of ["id_front", "id_back"]) {
      var input = f.elements[n];
      fd.append(n, await shrinkPhoto(input.files?.[0]));
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
