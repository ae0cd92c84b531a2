// The desktop's ID photos (上传身份证件): a chosen photo takes its sample's place as a preview, with
// its name and a button to choose another, and is resized in the browser as the phone's are
// (shared/shrink-photo.js) before the form sends it, htmx or not. The send waits for the resizing.
// Without script the form posts the files as chosen, and the server's 5 MB limit answers.
import { shrinkPhoto } from "./shared/shrink-photo.js";

(() => {
  var form = document.querySelector("[data-photo]")?.closest("form");
  if (!form || form.dataset.photos || !window.DataTransfer || !window.URL?.createObjectURL) return;
  form.dataset.photos = "1";
  var submit = form.querySelector("button[type=submit]");
  var busy = 0;
  form.querySelectorAll("[data-photo]").forEach((box) => {
    var input = box.querySelector("input[type=file]"),
      sample = box.querySelector("[data-sample]"),
      chosen = box.querySelector("[data-chosen]"),
      img = chosen.querySelector("img"),
      name = chosen.querySelector("figcaption"),
      again = box.querySelector("[data-again]"),
      hint = document.getElementById(`${input.id}-hint`),
      url = "";
    if (hint?.dataset.resized) hint.textContent = hint.dataset.resized;
    again.onclick = () => input.click();
    input.addEventListener("change", async () => {
      var file = input.files?.[0];
      if (url) URL.revokeObjectURL(url);
      url = file ? URL.createObjectURL(file) : "";
      sample.hidden = input.hidden = !!file;
      chosen.hidden = again.hidden = !file;
      if (!file) return;
      img.hidden = false;
      img.onerror = () => {
        img.hidden = true;
      };
      img.src = url;
      name.textContent = file.name;
      again.focus();
      busy += 1;
      submit.disabled = true;
      var small = await shrinkPhoto(file);
      // Another file chosen meanwhile: its own resizing replaces it.
      if (small !== file && input.files?.[0] === file) {
        var dt = new DataTransfer();
        dt.items.add(small);
        input.files = dt.files;
      }
      busy -= 1;
      if (!busy) submit.disabled = false;
    });
  });
})();
