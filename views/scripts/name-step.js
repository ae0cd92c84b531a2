// The first page a browser gets names its step in the address too (without reloading), so that
// Back from the next step, swapped in by htmx with a history entry of its own, comes back here.
(() => {
  var step = document.querySelector("[data-step]");
  if (step && !location.search) history.replaceState(history.state, "", `${location.pathname}?step=${step.dataset.step}`);
})();
