// Follows a session object live: a WebSocket to `el.dataset.ws` whose messages go to `show`, tried
// again with a growing wait; where there is no WebSocket, or it keeps failing, htmx polls
// `el.dataset.poll` instead (the fragment it gets back carries the same polling attributes, so the
// polling goes on). Shared by the handoff's and the invitation's desktop pages, bundled into each.
export function followLive(el, show) {
  function poll() {
    if (!window.htmx) return;
    el.setAttribute("hx-get", el.dataset.poll);
    el.setAttribute("hx-trigger", "every 3s");
    el.setAttribute("hx-swap", "outerHTML");
    htmx.process(el);
  }
  if (!("WebSocket" in window)) return poll();
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
}
