// The phone's ID card capture: each side inside a card-shaped framing guide, taken with the camera
// (the file input's `capture`), resized on the phone to at most 1600 px and about 300 KB before
// upload. Without script the same form posts the original photos.
import { raw } from "hono/html";
import { errorText } from "../components/form-errors";
import { ImageField } from "../components/image-field";
import { type Locale, t } from "../messages";
import { type PhoneAbout, PhonePage } from "./phone-page";

const RESIZE_SCRIPT = `(function(){var f=document.getElementById("id-capture");if(!f||!window.fetch||!window.FormData)return;var status=document.getElementById("id-status");
async function shrink(file){if(!file||!file.size||!window.createImageBitmap)return file;var img=await createImageBitmap(file),k=Math.min(1,1600/Math.max(img.width,img.height)),c=document.createElement("canvas");
c.width=Math.round(img.width*k);c.height=Math.round(img.height*k);c.getContext("2d").drawImage(img,0,0,c.width,c.height);
for(var q=0.85;q>=0.45;q-=0.1){var b=await new Promise(function(r){c.toBlob(r,"image/jpeg",q)});if(b&&(b.size<=307200||q<0.5))return new File([b],"id.jpg",{type:"image/jpeg"})}return file}
var btn=f.querySelector("button[type=submit]");
f.addEventListener("submit",async function(e){e.preventDefault();if(btn.disabled)return;btn.disabled=true;status.textContent=f.dataset.busy;var fd=new FormData();
for(var n of ["id_front","id_back"]){var input=f.elements[n];fd.append(n,await shrink(input.files&&input.files[0]))}
try{var r=await fetch(f.action,{method:"POST",body:fd,headers:{accept:"application/json"},credentials:"same-origin"});var j=await r.json();
if(j.errors){status.textContent=Object.values(j.errors).join(" ");btn.disabled=false;return}location.replace("/p")}catch(x){status.textContent=f.dataset.neterror;btn.disabled=false}})})();`;

export function IdCapturePage({
  locale,
  errors = {},
  lastFailure,
  attemptsLeft,
  about,
}: {
  locale: Locale;
  errors?: Partial<Record<"id_front" | "id_back", string>>;
  lastFailure?: string | null;
  attemptsLeft?: number;
  about?: PhoneAbout;
}) {
  const side = (field: "id_front" | "id_back", hint: "phone.photos.front_guide" | "phone.photos.back_guide") => (
    <ImageField locale={locale} field={field} hint={hint} guide error={errors[field] ? errorText(locale, field, errors[field]!) : undefined} />
  );
  return (
    <PhonePage locale={locale} title={t(locale, "phone.photos.heading")} phone="id_capture" lastFailure={lastFailure} attemptsLeft={attemptsLeft} about={about}>
      <form id="id-capture" method="post" action="/p/id-photos" enctype="multipart/form-data" data-busy={t(locale, "phone.photos.resizing")} data-neterror={t(locale, "phone.upload_failed")}>
        {side("id_front", "phone.photos.front_guide")}
        {side("id_back", "phone.photos.back_guide")}
        <p id="id-status" role="status" aria-live="polite"></p>
        <button type="submit" class="wide">
          {t(locale, "phone.photos.submit")}
        </button>
      </form>
      <script>{raw(RESIZE_SCRIPT)}</script>
    </PhonePage>
  );
}
