// Debian's Chromium driven by playwright-core: no browser is downloaded at run time.
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Each browser context is a person at an address of their own (CF-Connecting-IP, which the SMS
 * limiter trusts as it would behind Cloudflare): otherwise every browser in a run shares
 * 127.0.0.1 and its hourly cap on codes, and whichever test comes last is refused.
 */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extraArgs],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ ...options, extraHTTPHeaders: { "cf-connecting-ip": randomAddress(), ...options.extraHTTPHeaders } });
  return browser;
}

/**
 * The test file's Chromium, launched on its first use and closed after the file's last test: a
 * const in place of a module-level `let` assigned in beforeAll, so a file holds no state its tests
 * reassign. Each test still opens a page or context of its own.
 */
export function fileBrowser(extraArgs: string[] = []): Pick<Browser, "newPage" | "newContext"> {
  let launched: Promise<Browser> | undefined;
  const browser = () => {
    launched ??= launch(extraArgs);
    return launched;
  };
  afterAll(async () => {
    if (launched) await (await launched).close();
  });
  return {
    newPage: async (options) => (await browser()).newPage(options),
    newContext: async (options) => (await browser()).newContext(options),
  };
}

function randomAddress(): string {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  return `10.${octet()}.${octet()}.${octet()}`;
}

export async function createVerification(baseUrl: string, key: string, body: Record<string, unknown>) {
  const res = await fetch(`${baseUrl}/v1/verifications`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; url: string };
}

/** The SMS code the sandbox "sent" to a phone, read from the test helper as the phone would show it. */
export async function latestCode(baseUrl: string, key: string, phone: string): Promise<string> {
  const res = await fetch(`${baseUrl}/v1/test_helpers/sms?phone=${phone}`, { headers: { authorization: `Bearer ${key}` } });
  const body = (await res.json()) as { data: { text: string }[] };
  const code = /验证码为(\d{6})/.exec(body.data[0]?.text ?? "")?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

/** App authorization in a Chinese page, as a person does it: phone, code from the phone, consent. */
export async function signInOnDesktop(page: Page, baseUrl: string, key: string, phone: string) {
  await page.getByLabel("手机号", { exact: true }).fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByRole("status").first().filter({ hasText: "验证码已发送至" }).waitFor();
  await page.getByLabel("短信验证码").fill(await latestCode(baseUrl, key, phone));
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole("button", { name: "登录并授权" }).click();
}

/**
 * The method form's phone: the sign-in phone is offered pre-filled, masked, behind 修改 (Change);
 * another number is typed after opening it.
 */
export async function typeOtherPhone(page: Page, phone: string) {
  const closed = page.locator("#f-phone-wrap details.prefill:not([open]) > summary");
  if (await closed.count()) await closed.click();
  await page.locator("#f-phone").fill(phone);
}

/** 同意并继续 (Agree and continue) on a method form, with its consent ticked first. */
export async function agreeAndContinue(page: Page) {
  await page.locator("#f-consent").check();
  await page.locator("form button[type=submit]:not([value])").last().click();
}
