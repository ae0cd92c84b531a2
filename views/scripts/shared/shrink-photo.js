// An ID photo made fit to upload, in the browser: at most 1600 px on its longer side, re-encoded
// as a JPEG of about 300 KB, so a 12 MB camera photo goes through the server's 5 MB check. Shared
// by the page scripts that upload photos (the phone's capture, the desktop's photo step), bundled
// into each at build. What it cannot decode it hands back as it was: the server's checks answer.
export async function shrinkPhoto(file) {
  if (!file?.size || !window.createImageBitmap) return file;
  try {
    var img = await createImageBitmap(file),
      k = Math.min(1, 1600 / Math.max(img.width, img.height)),
      c = document.createElement("canvas");
    c.width = Math.round(img.width * k);
    c.height = Math.round(img.height * k);
    c.getContext("2d").drawImage(img, 0, 0, c.width, c.height);
    // Lower the quality until it fits; the last try is sent whatever its size.
    for (var q = 85; q >= 45; q -= 10) {
      var b = await new Promise((r) => {
        c.toBlob(r, "image/jpeg", q / 100);
      });
      if (b && (b.size <= 307200 || q === 45)) return new File([b], "id.jpg", { type: "image/jpeg" });
    }
  } catch (_x) {}
  return file;
}
