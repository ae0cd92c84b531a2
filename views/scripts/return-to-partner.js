// The result's automatic return to the partner is a time limit (WCAG 2.2.1), so it can be
// stopped before it fires: this starts it and offers "stay on this page".
(() => {
  var s = document.getElementById("return-status"),
    a = document.querySelector("[data-return]"),
    b = document.getElementById("return-stay");
  if (!s || !a || !b || s.dataset.on) return;
  s.dataset.on = "1";
  s.textContent = s.dataset.text;
  b.hidden = false;
  var t = setTimeout(() => {
    location.assign(a.href);
  }, 5000 /* RETURN_AFTER_SECONDS, views/steps/result.tsx */);
  b.addEventListener("click", () => {
    clearTimeout(t);
    s.textContent = b.dataset.stopped;
    b.hidden = true;
    a.focus();
  });
})();
