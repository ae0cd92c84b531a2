// What the page tests measure in Chromium, read from DevTools protocol events (the page's own
// timing APIs ignore emulated latency): bytes on the wire per request, cache hits, time to first
// byte, largest contentful paint and layout shifts. Also the axe-core run and the DOM checks.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import type { CDPSession, Page } from "playwright-core";

/** The "Slow 3G": 400 ms round trip, 400 kbit/s down and up. */
export const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

/** A mid-range phone: where phone pages are checked (touch targets, phone budget) and 3G is run. */
export const PHONE_DEVICE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;

export const KB = 1024;
export const BUDGET = {
  /** HTML with its inlined CSS, compressed: the first round trip of a new connection (10 TCP segments). */
  firstFlight: 14 * KB,
  applicantPage: 50 * KB,
  phonePage: 30 * KB,
  lcpMs: 3000,
  cls: 0.1,
  touchTarget: 44,
};

export interface Transfer {
  id: string;
  url: string;
  method: string;
  type: string;
  status: number;
  headers: Record<string, string>;
  /** Bytes received for it, headers included, as transferred (compressed). */
  bytes: number;
  /** Served from the browser's cache without touching the network. */
  cached: boolean;
  /** From sending the request to the last header byte, emulated latency included. */
  ttfbMs: number;
  wallTime: number;
  done: boolean;
}

interface TimelineEvent {
  type: string;
  time: number;
  lcpDetails?: { renderTime: number; loadTime: number };
  layoutShiftDetails?: { value: number; hadRecentInput: boolean };
}

export class NetworkLog {
  readonly transfers: Transfer[] = [];
  readonly timeline: TimelineEvent[] = [];
  private byId = new Map<string, Transfer>();

  private constructor(readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<NetworkLog> {
    const cdp = await page.context().newCDPSession(page);
    const log = new NetworkLog(cdp);
    cdp.on("Network.requestWillBeSent", (e) => {
      if (e.request.url.startsWith("data:")) return;
      // A redirect reuses the request id: the earlier hop becomes its own finished transfer.
      const earlier = log.byId.get(e.requestId);
      if (earlier && e.redirectResponse) {
        earlier.status = e.redirectResponse.status;
        earlier.bytes = e.redirectResponse.encodedDataLength;
        earlier.done = true;
        earlier.id = `${e.requestId}:redirect`;
      }
      const t: Transfer = {
        id: e.requestId,
        url: e.request.url,
        method: e.request.method,
        type: e.type ?? "Other",
        status: 0,
        headers: {},
        bytes: 0,
        cached: false,
        ttfbMs: 0,
        wallTime: e.wallTime,
        done: false,
      };
      log.byId.set(e.requestId, t);
      log.transfers.push(t);
    });
    cdp.on("Network.requestServedFromCache", (e) => {
      const t = log.byId.get(e.requestId);
      if (t) t.cached = true;
    });
    cdp.on("Network.responseReceived", (e) => {
      const t = log.byId.get(e.requestId);
      if (!t) return;
      t.status = e.response.status;
      t.headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      t.cached ||= !!(e.response.fromDiskCache || e.response.fromPrefetchCache);
      t.ttfbMs = e.response.timing?.receiveHeadersEnd ?? 0;
    });
    cdp.on("Network.loadingFinished", (e) => {
      const t = log.byId.get(e.requestId);
      if (!t) return;
      t.bytes = e.encodedDataLength;
      t.done = true;
    });
    cdp.on("Network.loadingFailed", (e) => {
      const t = log.byId.get(e.requestId);
      if (t) t.done = true;
    });
    cdp.on("PerformanceTimeline.timelineEventAdded", (e) => log.timeline.push(e.event as TimelineEvent));
    await cdp.send("Network.enable");
    await cdp.send("PerformanceTimeline.enable", { eventTypes: ["largest-contentful-paint", "layout-shift"] });
    return log;
  }

  throttle(conditions: typeof SLOW_3G) {
    return this.cdp.send("Network.emulateNetworkConditions", conditions);
  }

  /** Everything logged from now on: the returned function answers what was logged since. */
  mark(): () => Transfer[] {
    const from = this.transfers.length;
    return () => this.transfers.slice(from);
  }

  /** Waits until no request is in flight for `quietMs`. */
  async settle(quietMs = 300, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (this.transfers.some((t) => !t.done)) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `requests still in flight: ${this.transfers
        .filter((t) => !t.done)
        .map((t) => t.url)
        .join(", ")}`,
    );
  }

  /** Largest contentful paint after the navigation `doc` started, in ms from its request. */
  lcpMs(doc: Transfer): number | undefined {
    const last = this.timeline.filter((e) => e.type === "largest-contentful-paint" && e.time >= doc.wallTime).at(-1);
    if (!last?.lcpDetails) return undefined;
    return ((last.lcpDetails.renderTime || last.lcpDetails.loadTime) - doc.wallTime) * 1000;
  }

  /** Layout shifts not caused by input since the navigation `doc` started (summed: an upper bound of CLS). */
  cls(doc: Transfer): number {
    return this.timeline.filter((e) => e.type === "layout-shift" && e.time >= doc.wallTime && !e.layoutShiftDetails?.hadRecentInput).reduce((sum, e) => sum + (e.layoutShiftDetails?.value ?? 0), 0);
  }
}

/** Requests that went to the network (not answered by the browser's cache). */
export const onNetwork = (ts: Transfer[]) => ts.filter((t) => !t.cached);
export const totalBytes = (ts: Transfer[]) => onNetwork(ts).reduce((sum, t) => sum + t.bytes, 0);
export const gzipBytes = (body: string | Buffer) => gzipSync(body).byteLength;

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core, injected from the npm package (no request), WCAG 2.2 A/AA and best practices. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Injected once per document: it survives htmx swaps, so a page's states reuse it.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** What blocks the first render: external scripts without defer/async/module, stylesheets, CSS @import. */
export function renderBlocking(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const s of Array.from(document.querySelectorAll("script[src]"))) {
      const el = s as HTMLScriptElement;
      if (!el.defer && !el.async && el.type !== "module") found.push(`script ${el.src}`);
    }
    for (const l of Array.from(document.querySelectorAll("link[rel~=stylesheet]"))) found.push(`stylesheet ${(l as HTMLLinkElement).href}`);
    for (const st of Array.from(document.querySelectorAll("style"))) if (/@import/.test(st.textContent ?? "")) found.push("@import in inline CSS");
    return found;
  });
}

/** Interactive elements smaller than `min` CSS pixels either way (a checkbox counts with its label; links inside a sentence are exempt). */
export function smallTouchTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"))) {
      if (el.offsetParent === null && getComputedStyle(el).position !== "fixed") continue; // not rendered
      if (el instanceof HTMLInputElement && el.type === "hidden") continue;
      // Clipped out of sight (.visually-hidden: a form's default button for Enter) is nothing to tap.
      if (el.getAttribute("aria-hidden") === "true" && el.tabIndex === -1 && getComputedStyle(el).clip.startsWith("rect(0")) continue;
      // A link inside a sentence is exempt (WCAG 2.5.8 "inline"): enlarging it would break the text.
      if (el instanceof HTMLAnchorElement && getComputedStyle(el).display === "inline" && (el.parentElement?.textContent ?? "").trim() !== (el.textContent ?? "").trim()) continue;
      const target = (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") && el.closest("label")) || el;
      const box = target.getBoundingClientRect();
      if (box.width < min || box.height < min) small.push(`${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  }, min);
}

/**
 * Errors are tied to their fields and take the focus: every field marked invalid names an error
 * text through aria-describedby, and the first of them holds the focus.
 */
export function errorWiring(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const invalid = Array.from(document.querySelectorAll<HTMLElement>("[aria-invalid=true]"));
    for (const el of invalid) {
      const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      const texts = ids.map((id) => document.getElementById(id)).filter((e) => e?.classList.contains("error") && e.textContent?.trim());
      if (texts.length === 0) problems.push(`#${el.id} is invalid but names no error text`);
    }
    if (invalid.length > 0 && document.activeElement !== invalid[0])
      problems.push(`focus is on ${document.activeElement?.id || document.activeElement?.tagName}, not on the first field in error #${invalid[0]!.id}`);
    return problems;
  });
}

/**
 * `{name}` placeholders a message left unfilled, in what a person reads or hears: the visible
 * text, the title, and the attributes a screen reader or a field shows (aria-label, title, alt,
 * placeholder).
 */
export function unfilledPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const look = (where: string, text: string | null | undefined) => {
      for (const m of (text ?? "").matchAll(/\{[A-Za-z_][\w.]*\}/g)) found.push(`${where}: ${m[0]} in "…${text!.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\s+/g, " ")}…"`);
    };
    look("title", document.title);
    look("text", document.body.innerText);
    for (const el of Array.from(document.querySelectorAll("[aria-label],[title],[alt],[placeholder]"))) {
      for (const name of ["aria-label", "title", "alt", "placeholder"]) look(`${el.tagName.toLowerCase()}[${name}]`, el.getAttribute(name));
    }
    return found;
  });
}

/**
 * Forms where Enter in a field would run a secondary action: Enter clicks the form's first submit
 * button, so in a form with a field to type in, that button must be the main one (not
 * `.secondary`), or a hidden default button placed first (StepForm's defaultAction).
 */
export function secondaryDefaultButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const form of Array.from(document.forms)) {
      const controls = Array.from(form.elements);
      const typed = controls.some((el) => el instanceof HTMLInputElement && !["checkbox", "radio", "file", "hidden", "submit", "button", "reset", "image"].includes(el.type));
      const submits = controls.filter((el): el is HTMLButtonElement | HTMLInputElement => (el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && el.type === "submit");
      if (typed && submits[0]?.classList.contains("secondary")) found.push(`${form.getAttribute("action")}: Enter runs "${submits[0].textContent?.trim() || submits[0].value}"`);
    }
    return found;
  });
}
