// The desktop follows its handoff live: a WebSocket to the handoff's Durable Object (htmx polling
// where there is none, or once it gave up), the status text updated, and the page moved on when
// the phone's step ends or a try fails (the server then says why, with the tries left). The QR
// code counts down its five minutes and, run out, is replaced as the New QR code button would
// (the server's clock decides what is expired, so asking is surer than reading the page again):
// a few times, then the applicant asks for one, so an abandoned tab stops.
import { followLive } from "./shared/follow-live.js";

(() => {
  var el = document.getElementById("handoff-status");
  if (!el || el.dataset.live) return;
  el.dataset.live = "1";
  var m = JSON.parse(el.dataset.msgs),
    vid = el.dataset.vid,
    qr = document.getElementById("handoff-qr");
  var valid = qr?.querySelector("[data-valid]");
  if (valid) {
    var left = +qr.dataset.left,
      start = Date.now(),
      key = `sm_qr_${vid}`,
      store = {};
    try {
      store = sessionStorage;
    } catch (_x) {}
    var timer = setInterval(() => {
      var s = left - Math.floor((Date.now() - start) / 1000);
      if (qr.hidden) return clearInterval(timer);
      if (s > 0) {
        valid.textContent = valid.dataset.leftText.replace("{time}", `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`);
        return;
      }
      clearInterval(timer);
      var replaced = +(store[key] || 0);
      if (replaced < 5) {
        store[key] = replaced + 1;
        valid.textContent = valid.dataset.expiredText;
        document.querySelector("[data-new-qr]")?.click();
      } else {
        qr.querySelector(".qr").hidden = true;
        valid.textContent = valid.dataset.stopText;
      }
    }, 1000);
  }
  function show(u) {
    // A failed try the page has not shown yet (the same reason again too): the server says why,
    // with the tries left.
    if (u.state === "verified" || u.state === "failed" || (u.failures || 0) > +el.dataset.failures) return location.replace(el.dataset.reload || `/v/${vid}`);
    var retrying = (u.state === "capturing" || u.state === "opened") && u.lastFailure;
    // A notice the desktop asked for earlier (e.g. "not started in Alipay yet") is stale once the phone moves.
    if (u.state !== el.dataset.state) document.getElementById("alipay-notice")?.remove();
    el.dataset.state = u.state;
    el.querySelector("[data-text]").textContent = m[retrying ? "retrying" : u.state] || u.state;
    if (!retrying) el.querySelector("[data-failure]")?.remove();
    if (qr && u.state !== "waiting") qr.hidden = true;
  }
  followLive(el, show);
})();
