// The whole mobile3 journey with the keyboard alone (Tab, typing, Space, Enter; no clicks), in
// Chromium: every control is reachable, focus is always visible, a form sent back with errors
// puts the focus on the first of them with its message tied to it, and each action costs one
// request whose response carries the whole next step.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { fileBrowser } from "./browser";
import { errorWiring, NetworkLog, onNetwork } from "./measure";
import { tabTo } from "./keys";
import { Reacher } from "./reacher";

const r = new Reacher(inject("baseUrl"), inject("partnerKey"), 13700006000, 52);
const browser = fileBrowser();

async function focused(page: Page) {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

describe("the mobile3 journey by keyboard", () => {
  it("should complete with Tab, typing, Space and Enter alone, one request per action", async () => {
    const me = TEST_IDENTITIES[1];
    const v = await r.create({ methods: ["mobile3", "bankcard4", "face"] });
    const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "cf-connecting-ip": r.ip() } });
    const page = await context.newPage();
    const log = await NetworkLog.attach(page);
    await page.goto(v.url);

    /** Presses a key that sends a form; answers the requests it made once the network is quiet. */
    const send = async (key: string, until: () => Promise<unknown>) => {
      const since = log.mark();
      await page.keyboard.press(key);
      await until();
      await log.settle(200);
      const sent = onNetwork(since());
      expect(
        sent.map((t) => `${t.method} ${new URL(t.url).pathname} ${t.status}`),
        "one request per action",
      ).toHaveLength(1);
      expect(sent[0]!.headers["content-type"]).toMatch(/^text\/html/);
      return sent[0]!;
    };
    const stepIs = (kind: string) => () => page.locator(`[data-step=${kind}]`).waitFor();

    // App authorization: the phone field has the focus on arrival.
    expect(await focused(page)).toBe("f-phone");
    const signInPhone = r.phone();
    await page.keyboard.type(signInPhone);
    await tabTo(page, "button[value=send_code]");
    await send("Enter", () => page.locator("[role=status]").waitFor());
    expect(await focused(page), "after the code is sent, the code field").toBe("f-code");
    await page.keyboard.type(await r.latestCode(signInPhone));
    await tabTo(page, "#f-consent");
    await page.keyboard.press("Space");
    expect(await page.locator("#f-consent").isChecked()).toBe(true);
    await tabTo(page, "button[value=authorize]:not([data-default-action])");
    await send("Enter", stepIs("choose_method"));

    // Choose the method: the first choice has the focus.
    await tabTo(page, "button[value=mobile3]");
    await send("Enter", stepIs("method_form"));

    // The form, first sent with a wrong ID number and no phone: the focus goes to the first error.
    expect(await focused(page)).toBe("f-name");
    await page.keyboard.type(me.name);
    await tabTo(page, "#f-id_number");
    await page.keyboard.type(me.idNumber.slice(0, -1) + "0");
    await tabTo(page, "form button[type=submit]:not([value])");
    await send("Enter", () => page.locator("#f-id_number-error").waitFor());
    expect(await focused(page)).toBe("f-id_number");
    expect(await errorWiring(page)).toEqual([]);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(me.idNumber);
    // The sign-in phone is offered behind 修改: opened with Enter, another number typed in.
    await tabTo(page, "#f-phone-wrap summary");
    await page.keyboard.press("Enter");
    await tabTo(page, "#f-phone");
    const methodPhone = r.phone();
    await page.keyboard.type(methodPhone);
    await tabTo(page, "#f-consent");
    await page.keyboard.press("Space");
    expect(await page.locator("#f-consent").isChecked()).toBe(true);
    await tabTo(page, "form button[type=submit]:not([value])");
    await send("Enter", stepIs("code"));

    // The code, then the result.
    expect(await focused(page)).toBe("f-code");
    await page.keyboard.type(await r.latestCode(methodPhone));
    await tabTo(page, "button[value=confirm]");
    await send("Enter", stepIs("result"));
    expect(await page.locator("h1").getAttribute("data-status")).toBe("verified");
    await context.close();
  });

  it("should sign in with Enter in the code field, never ask for a new code", async () => {
    const v = await r.create({ methods: ["mobile3"] });
    const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "cf-connecting-ip": r.ip() } });
    const page = await context.newPage();
    await page.goto(v.url);
    const phone = r.phone();
    await page.locator("#f-phone").fill(phone);
    await page.locator("button[value=send_code]").click();
    await page.locator("[role=status]").waitFor();
    await page.locator("#f-consent").check();
    await page.locator("#f-code").fill(await r.latestCode(phone));
    const posted = page.waitForRequest((req) => req.method() === "POST");
    await page.locator("#f-code").press("Enter");
    expect((await posted).postData(), "Enter runs 登录并授权").toMatch(/action(=|"\r\n\r\n)authorize/);
    await page.locator("[data-step=method_form]").waitFor();
    await context.close();
  });
});
