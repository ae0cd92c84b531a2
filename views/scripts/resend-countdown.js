// The new-code button's countdown: the server renders it disabled with its seconds; this counts
// them down and wakes the button when the send limits allow a new code.
(() => {
  document.querySelectorAll("button[data-countdown]").forEach((b) => {
    if (b.dataset.counting) return;
    b.dataset.counting = "1";
    var n = +b.dataset.countdown,
      label = b.dataset.label,
      wait = b.dataset.wait;
    var tick = () => {
      if (n <= 0) {
        b.disabled = false;
        b.textContent = label;
        return;
      }
      b.textContent = wait.replace("{seconds}", String(n));
      n -= 1;
      setTimeout(tick, 1000);
    };
    tick();
  });
})();
