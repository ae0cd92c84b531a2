// The operator's page follows the invitation live: a WebSocket to the invitation's Durable Object
// (htmx polling where there is none, or once it gave up). Each status is shown in place; the page
// is read again only when what it offers changes (the link opened: no QR code any more; the end).
// The copy button appears only where the clipboard can be written.
import { followLive } from "./shared/follow-live.js";

(() => {
  var el = document.getElementById("invitation-status");
  var copy = document.querySelector("[data-copy]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.onclick = () => {
      navigator.clipboard.writeText(document.getElementById(copy.dataset.copy).textContent.trim()).then(() => {
        copy.textContent = copy.dataset.copied;
      });
    };
  }
  if (!el || el.dataset.live) return;
  el.dataset.live = "1";
  var m = JSON.parse(el.dataset.msgs),
    order = ["opened", "verifying", "signing", "signed"];
  function show(u) {
    var was = el.dataset.status,
      s = u.status;
    if (s === was) return;
    var layout = (was === "not_sent" || was === "sent") !== (s === "not_sent" || s === "sent");
    if (layout || s === "signed" || s === "declined" || s === "expired") return location.replace(el.dataset.reload);
    el.dataset.status = s;
    el.querySelector("[data-text]").textContent = m[s] || s;
    var at = order.indexOf(s);
    el.querySelectorAll("[data-progress]").forEach((li, i) => {
      li.className = i < at ? "done" : i === at ? "current" : "";
      if (i === at) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
    });
  }
  followLive(el, show);
})();
