// Every page in the table (test/e2e/pages.ts), in zh-CN and in en, loaded in Chromium on a cold
// cache: the first flight and page-weight budgets, nothing render-blocking, hashed immutable
// assets, a warm reload that fetches only the page, no layout shift; then, for the page and each
// state its actions show, axe-core with no serious or critical violation, errors tied to their
// fields, no message with a `{placeholder}` left unfilled, and Enter in a field running the form's
// main action. Writes bench/out/report-pages.md with the weights it measured (npm run bench copies it to bench/).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fileBrowser } from "./browser";
import {
  axeViolations,
  BUDGET,
  errorWiring,
  gzipBytes,
  KB,
  NetworkLog,
  onNetwork,
  PHONE_DEVICE,
  renderBlocking,
  secondaryDefaultButtons,
  smallTouchTargets,
  totalBytes,
  unfilledPlaceholders,
} from "./measure";
import { PAGES, type PageRow } from "./pages";
import { BROWSER_LOCALE, type Locale, LOCALES, Reacher, type Reached } from "./reacher";

const baseUrl = inject("baseUrl");
const r = new Reacher(baseUrl, inject("partnerKey"), 13700005000, 50, inject("statePath"));
const browser = fileBrowser();

// Reaching a page is a few HTTP calls (and, for one row, a `wrangler d1 execute`): start them all
// at once, six at a time, so each test finds its page ready.
const reached = new Map<string, Promise<Reached>>();
/** Runs at most `slots` pieces of work at once, the rest in the order they came. */
function limiter(slots: number) {
  let free = slots;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free -= 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}
const reach = (row: PageRow, locale: Locale) => reached.get(`${row.name}|${locale}`)!;

interface Weight {
  page: string;
  locale: Locale;
  status: number;
  html: number;
  htmlGzip: number;
  document: number;
  requests: number;
  total: number;
  cls: number;
}
const weights: Weight[] = [];
/** axe findings below serious (moderate, minor): reported, not failed. */
const lesser = new Map<string, string[]>();

beforeAll(() => {
  const limited = limiter(6);
  for (const locale of LOCALES) {
    for (const row of PAGES) {
      const p = limited(() => row.reach(r, locale));
      p.catch(() => {}); // reported by the test that awaits it
      reached.set(`${row.name}|${locale}`, p);
    }
  }
});

afterAll(() => {
  // Only a run over the whole table rewrites the report (a filtered run would leave it partial).
  if (weights.length < PAGES.length * LOCALES.length) return;
  const order = (w: Weight) => PAGES.findIndex((p) => p.name === w.page) * 2 + LOCALES.indexOf(w.locale);
  const rows = weights
    .sort((a, b) => order(a) - order(b))
    .map((w) => `| ${w.page} | ${w.locale} | ${w.status} | ${w.html} | ${w.htmlGzip} | ${w.document} | ${w.requests} | ${w.total} | ${w.cls.toFixed(3)} |`);
  const out = path.resolve(import.meta.dirname, "../../bench/out/report-pages.md");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    [
      "# Page weights (written by test/e2e/pages.test.ts)",
      "",
      `Each page loaded once in Chromium on a cold cache against \`wrangler dev\`, ${new Date().toISOString().slice(0, 10)}. Bytes as transferred`,
      "(gzip, which `wrangler dev` and Cloudflare's edge both apply to HTML and scripts for Chromium over http), headers included;",
      "`html gzip` is node:zlib's gzip of the decoded HTML, the same figure without headers. Budgets: first flight",
      `${BUDGET.firstFlight / KB} KB, whole applicant page ${BUDGET.applicantPage / KB} KB, phone page ${BUDGET.phonePage / KB} KB, CLS ${BUDGET.cls}.`,
      "",
      "| page | locale | status | html bytes | html gzip | document on the wire | requests | all requests on the wire | CLS |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows,
      "",
      "axe-core findings below `serious` (not failures):",
      "",
      ...(lesser.size === 0 ? ["none"] : [...lesser].map(([what, where]) => `- ${what}: ${where.join(", ")}`)),
      "",
    ].join("\n"),
  );
});

// PAGES_SHOTS=<folder>: a full-page screenshot of every page and state, to look at (never compared).
const SHOTS = process.env.PAGES_SHOTS ? path.resolve(process.env.PAGES_SHOTS) : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const slug = (s: string) => s.replace(/[^\w-]+/g, "-").replace(/^-|-$/g, "");

// Several pages at a time (vitest's maxConcurrency): much of a check is waiting on the browser or the service.
describe.concurrent.each(LOCALES)("every page in %s", (locale) => {
  it.each(PAGES.map((row) => [row.name, row] as const))("should keep %s within its budgets and accessible", async (_name, row) => {
    const at = await reach(row, locale);
    const context = await browser.newContext({
      locale: BROWSER_LOCALE[locale],
      extraHTTPHeaders: { "cf-connecting-ip": r.ip() },
      ...(row.device === "phone" ? PHONE_DEVICE : {}),
    });
    try {
      await context.addCookies(at.cookies);
      const page = await context.newPage();
      const log = await NetworkLog.attach(page);
      const res = await page.goto(at.url);
      expect(res?.status(), `${at.url} status`).toBe(at.status);
      await log.settle(100);
      await row.settle?.(page);
      const cold = [...log.transfers];
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);

      const doc = cold.find((t) => t.type === "Document")!;
      const html = await res!.body();
      const notImages = onNetwork(cold).filter((t) => row.device !== "phone" || (t.type !== "Image" && t.type !== "Media"));
      weights.push({
        page: row.name,
        locale,
        status: doc.status,
        html: html.byteLength,
        htmlGzip: gzipBytes(html),
        document: doc.bytes,
        requests: onNetwork(cold).length,
        total: totalBytes(notImages),
        cls: log.cls(doc),
      });
      // The first flight: what the service sends, compressed, and zlib's gzip of the same bytes.
      expect(doc.headers["content-encoding"], "the page is served compressed").toMatch(/^(gzip|br)$/);
      expect(doc.bytes, "document on the wire").toBeLessThanOrEqual(BUDGET.firstFlight);
      expect(gzipBytes(html), "gzip of the HTML").toBeLessThanOrEqual(BUDGET.firstFlight);
      expect(totalBytes(notImages), "the whole page on a cold cache").toBeLessThanOrEqual(row.device === "phone" ? BUDGET.phonePage : BUDGET.applicantPage);
      expect(await renderBlocking(page)).toEqual([]);
      const isPrivate = (t: { url: string }) => !!row.privateMedia?.test(new URL(t.url).pathname);
      for (const media of onNetwork(cold).filter(isPrivate)) expect(media.headers["cache-control"], media.url).toBe("no-store");
      for (const asset of onNetwork(cold).filter((t) => t !== doc && !isPrivate(t))) {
        expect(new URL(asset.url).pathname, "assets carry a content hash").toMatch(/^\/assets\/[\w-]+\.[0-9a-f]{12}\.\w+$/);
        expect(asset.headers["cache-control"]).toMatch(/public/);
        expect(asset.headers["cache-control"]).toMatch(/max-age=31536000/);
        expect(asset.headers["cache-control"]).toMatch(/immutable/);
        if (/javascript|css|svg|json/.test(asset.headers["content-type"] ?? "")) expect(asset.headers["content-encoding"], asset.url).toMatch(/^(gzip|br)$/);
      }
      expect(log.cls(doc), "cumulative layout shift").toBeLessThanOrEqual(BUDGET.cls);

      // A second visit on the warm cache asks the network for the page alone.
      // (A 410 has no request at all: Chromium keeps "Gone" as fresh, which is fine.)
      const since = log.mark();
      await page.goto(at.url);
      await log.settle(100);
      await row.settle?.(page);
      expect(onNetwork(since()).filter((t) => t.type !== "Document" && !isPrivate(t))).toEqual([]);

      // Accessibility of the page, then of each state its actions show, in the same page.
      for (const state of [undefined, ...(row.states ?? [])]) {
        const where = state ? `${row.name}, ${state.name}` : row.name;
        if (state) await state.show(page, r);
        if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${slug(`${where} ${locale}`)}.png`), fullPage: true });
        const all = await axeViolations(page);
        for (const v of all.filter((v) => v.impact !== "serious" && v.impact !== "critical"))
          lesser.set(`${v.impact}: ${v.id} (${v.help})`, [...(lesser.get(`${v.impact}: ${v.id} (${v.help})`) ?? []), `${where} ${locale}`]);
        const violations = all.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
        expect(await errorWiring(page), where).toEqual([]);
        expect(await unfilledPlaceholders(page), `${where}: a message's placeholder left unfilled`).toEqual([]);
        expect(await secondaryDefaultButtons(page), `${where}: Enter must run the form's main action`).toEqual([]);
        if (row.device === "phone") expect(await smallTouchTargets(page, BUDGET.touchTarget), where).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
