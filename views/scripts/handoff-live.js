// The desktop follows its handoff live: a WebSocket to the handoff's Durable Object (htmx polling
// where there is none, or once it gave up), the status text updated, and the page moved on when
// the phone's step ends or a try fails (the server then says why, with the tries left).
(() => {
  var el = document.getElementById("handoff-status");
  if (!el || el.dataset.live) return;
  el.dataset.live = "1";
  var m = JSON.parse(el.dataset.msgs),
    vid = el.dataset.vid,
    qr = document.getElementById("handoff-qr");
  function show(u) {
    el.dataset.state = u.state;
    el.querySelector("[data-text]").textContent = m[u.state] || u.state;
    if (qr && u.state !== "waiting") qr.hidden = true;
    if (u.state === "verified" || u.state === "failed") location.replace(`/v/${vid}`);
    if (u.state === "capturing" && u.lastFailure && u.lastFailure !== el.querySelector("[data-failure]")?.dataset?.failure) location.replace(`/v/${vid}`);
  }
  if ("WebSocket" in window) {
    var tries = 0;
    (function connect() {
      var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + el.dataset.ws);
      ws.onmessage = (e) => {
        tries = 0;
        try {
          show(JSON.parse(e.data));
        } catch (_x) {}
      };
      ws.onclose = () => {
        if (tries++ < 20) setTimeout(connect, 1000 * tries);
        else poll();
      };
    })();
  } else poll();
  function poll() {
    if (!window.htmx) return;
    el.setAttribute("hx-get", el.dataset.poll);
    el.setAttribute("hx-trigger", "every 3s");
    el.setAttribute("hx-swap", "outerHTML");
    htmx.process(el);
  }
})();
