// The copy buttons beside what the organization must type into its bank's transfer: shown only
// where the clipboard can be written; each copies the value of the element it names (its
// data-value: an account number shown in groups of four is copied as digits alone).
(() => {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("button[data-copy]")) {
    if (button.dataset.wired) continue;
    button.dataset.wired = "1";
    button.hidden = false;
    const label = button.textContent;
    button.onclick = () => {
      const source = document.getElementById(button.dataset.copy);
      if (!source) return;
      navigator.clipboard.writeText(source.dataset.value ?? source.textContent.trim()).then(() => {
        button.textContent = button.dataset.copied;
        setTimeout(() => {
          button.textContent = label;
        }, 2000);
      });
    };
  }
})();
