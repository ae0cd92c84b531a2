// The keyboard journeys' one move: Tab to a control, and insist that its focus is visible.
import type { Page } from "playwright-core";

/** Presses Tab until the focus is on `selector`; fails if it never gets there or is not visibly focused. */
export async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    const state = await page.evaluate((selector) => {
      const el = document.activeElement;
      if (!el || !el.matches(selector)) return "elsewhere";
      const style = getComputedStyle(el);
      const visible = el.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      return visible ? "there" : "invisible";
    }, selector);
    if (state === "there") return;
    if (state === "invisible") throw new Error(`${selector} has the focus but shows no focus indicator`);
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}
