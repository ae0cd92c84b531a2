// An organization verification by legal_rep_personal in Chromium on a desktop, as a person does it:
// the partner's link, app authorization, the organization check (a mistyped credit code said next
// to its field), who is acting, the method list, the legal representative's own verification (a
// child, opened from the organization's page in the same browser, its name and ID number fixed,
// mobile3 with the sign-in phone: no second SMS), back to the organization's result; then the API.
// Each step is saved to bench/out/organization/ (untracked) to be looked at.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { agreeAndContinue, createVerification, fileBrowser, latestCode } from "./browser";

const baseUrl = inject("baseUrl");
const key = inject("partnerKey");
const browser = fileBrowser();
const shots = path.resolve(import.meta.dirname, "../../bench/out/organization");

// This file's phone numbers: 1370000 8100-8199.
const phoneFor = (n: number) => `1370000${String(8100 + n)}`;

const legalRep = TEST_IDENTITIES[1];
const ORG = { name: "宁波测试科技有限公司", code: "91330200MA2AAAAA0G", badCode: "91330200MA2AAAAA01" };

/** What a person reads at each step, per language. */
const TEXT = {
  "zh-CN": {
    browser: "zh-CN",
    phone: "手机号",
    getCode: "获取验证码",
    codeSent: "验证码已发送至",
    code: "短信验证码",
    signInConsent: /我已阅读并同意/,
    signIn: "登录并授权",
    orgTitle: "组织信息核验",
    orgName: "企业（组织）名称",
    credentialCode: "统一社会信用代码/工商注册号",
    legalRepName: "法定代表人姓名",
    legalRepId: "法定代表人身份证号",
    checked: "组织信息核验通过",
    roleHeading: "请选择您的身份",
    legalRepRole: /我是法定代表人/,
    agentRole: /我是经办人/,
    unavailable: "暂不可用",
    next: "下一步",
    legalRep: "法定代表人",
    method: /法定代表人认证/,
    childHeading: "完成本人的个人实名认证",
    childOpen: "去完成个人实名认证",
    mobile3: /手机号认证/,
    locked: "不可修改",
    verified: "认证成功",
    backToParent: "继续企业认证",
    methodName: "法定代表人认证",
  },
  en: {
    browser: "en-US",
    phone: "Mobile number",
    getCode: "Get code",
    codeSent: "We sent a code",
    code: "SMS code",
    signInConsent: /I have read and agree/,
    signIn: "Sign in and authorize",
    orgTitle: "Organization check",
    orgName: "Organization name",
    credentialCode: "Unified social credit code or registration number",
    legalRepName: "Legal representative's name",
    legalRepId: "Legal representative's ID number",
    checked: "The organization check passed",
    roleHeading: "Who are you?",
    legalRepRole: /I am the legal representative/,
    agentRole: /I act for the organization/,
    unavailable: "Not available",
    next: "Next",
    legalRep: "legal representative",
    method: /Legal representative verification/,
    childHeading: "Complete the person verification",
    childOpen: "Go to the person verification",
    mobile3: /Mobile number/,
    locked: "cannot be changed",
    verified: "Verified",
    backToParent: "Back to the organization's verification",
    methodName: "Legal representative verification",
  },
} as const;

type Locale = keyof typeof TEXT;

/** Saves the page as it stands: bench/out/organization/{locale}-{nn}-{what}.png. */
function camera(page: Page, locale: Locale) {
  let n = 0;
  mkdirSync(shots, { recursive: true });
  return (what: string) => page.screenshot({ path: path.join(shots, `${locale}-${String(++n).padStart(2, "0")}-${what}.png`), fullPage: true });
}

const stepOf = (page: Page) => page.locator("[data-step]").first().getAttribute("data-step");

/** htmx done with the last swap (no request, swap or settle under way): a person would see the page still before clicking. */
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"));
const text = async (page: Page) => (await page.locator("main").textContent()) ?? "";

async function signIn(page: Page, x: (typeof TEXT)[Locale], phone: string) {
  await page.getByLabel(x.phone, { exact: true }).fill(phone);
  await page.getByRole("button", { name: x.getCode }).click();
  await page.getByRole("status").first().filter({ hasText: x.codeSent }).waitFor();
  await page.getByLabel(x.code).fill(await latestCode(baseUrl, key, phone));
  await page.getByLabel(x.signInConsent).check();
  await page.getByRole("button", { name: x.signIn }).click();
}

async function partner<T>(p: string): Promise<T> {
  const res = await fetch(`${baseUrl}${p}`, { headers: { authorization: `Bearer ${key}` } });
  return (await res.json()) as T;
}

describe("organization verification by legal_rep_personal in Chromium", () => {
  it.each([
    ["zh-CN", 0, true],
    ["en", 1, false],
  ] as const)("should verify an organization by its legal representative's mobile3 with the sign-in phone, in %s (screenshots)", async (locale, n, full) => {
    const x = TEXT[locale];
    const phone = phoneFor(n);
    const v = await createVerification(baseUrl, key, { type: "organization", methods: ["legal_rep_personal"], locale });
    const page = await browser.newPage({ locale: x.browser, viewport: { width: 1280, height: 900 } });
    const shot = camera(page, locale);
    try {
      // The partner's link: app authorization first, as for a person.
      await page.goto(v.url);
      await shot("sign-in");
      await signIn(page, x, phone);

      // The organization check.
      await expect.poll(() => stepOf(page)).toBe("org_check");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(x.orgTitle);
      await shot("org-check");
      await page.locator("#f-org_name").fill(ORG.name);
      await page.locator("#f-legal_rep_name").fill(legalRep.name);
      await page.locator("#f-legal_rep_id_number").fill(legalRep.idNumber);
      if (full) {
        // The labels a person reads, each tied to its input.
        for (const label of [x.orgName, x.credentialCode, x.legalRepName, x.legalRepId]) expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
        // A mistyped credit code (its check character wrong): said next to the field, nothing typed lost, nothing checked.
        await page.getByLabel(x.credentialCode, { exact: true }).fill(ORG.badCode);
        await agreeAndContinue(page);
        await page.locator("#f-credential_code-error").waitFor();
        const error = (await page.locator("#f-credential_code-error").textContent()) ?? "";
        expect(error.length).toBeGreaterThan(4);
        expect(error).not.toMatch(/[{}]|error\./);
        expect(await page.locator("#f-credential_code").getAttribute("aria-invalid")).toBe("true");
        expect(await page.locator("#f-credential_code").getAttribute("aria-describedby")).toContain("f-credential_code-error");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-credential_code");
        expect(await page.locator("#f-credential_code").inputValue()).toBe(ORG.badCode);
        expect(await page.locator("#f-org_name").inputValue()).toBe(ORG.name);
        expect(await page.locator("#f-legal_rep_name").inputValue()).toBe(legalRep.name);
        expect(await page.locator("[data-step=org_check] [role=alert]").count(), "a field error is not a registry answer").toBe(0);
        // Next to it on the screen: right under the input, before the next field's label.
        const [input, message, next] = await Promise.all(["#f-credential_code", "#f-credential_code-error", "label[for=f-legal_rep_name]"].map((s) => page.locator(s).boundingBox()));
        expect(message!.y).toBeGreaterThanOrEqual(input!.y + input!.height);
        expect(message!.y - (input!.y + input!.height)).toBeLessThan(24);
        expect(message!.y + message!.height).toBeLessThanOrEqual(next!.y);
        await shot("org-check-bad-code");
      }
      await page.locator("#f-credential_code").fill(ORG.code);
      await agreeAndContinue(page);

      // Who is acting: the organization as checked, then the role.
      await expect.poll(() => stepOf(page)).toBe("operator_role");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(x.roleHeading);
      const checked = await page.locator("[data-org-checked]").textContent();
      expect(checked).toContain(x.checked);
      expect(checked).toContain(ORG.name);
      expect(checked).toContain(ORG.code);
      expect(checked).toContain("*四");
      expect(checked).not.toContain(legalRep.name);
      const legalRepRole = page.getByRole("radio", { name: x.legalRepRole });
      const agentRole = page.getByRole("radio", { name: x.agentRole });
      expect(await legalRepRole.isEnabled()).toBe(true);
      // legal_rep_personal is the legal representative's alone: the agent's choice is shown, disabled, with why.
      expect(await agentRole.isDisabled()).toBe(true);
      expect(await page.locator("#need-agent").textContent()).toContain(x.unavailable);
      await shot("operator-role");
      await legalRepRole.check();
      await settled(page);
      await page.getByRole("button", { name: x.next }).click();

      // The organization's methods, saying who acts.
      await expect.poll(() => stepOf(page)).toBe("choose_method");
      const acting = page.locator("[data-operator-role]");
      expect(await acting.getAttribute("data-operator-role")).toBe("legal_representative");
      expect(await acting.textContent()).toContain(x.legalRep);
      await shot("choose-method");
      await settled(page);
      await page.getByRole("button", { name: x.method }).click();

      // Waiting on the legal representative's own verification, a link away.
      await expect.poll(() => stepOf(page)).toBe("awaiting_child");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(x.childHeading);
      await shot("awaiting-child");
      // The address carries the step shown (?step=…, put there by the page): compare paths.
      const parentPath = new URL(page.url()).pathname;
      const atParent = (u: URL) => u.pathname === parentPath;
      await page.getByRole("link", { name: x.childOpen }).click();

      // The child, in the same browser: no second sign-in; its methods, then mobile3.
      await page.waitForURL((u) => u.pathname.startsWith("/v/ver_") && !atParent(u));
      const childId = new URL(page.url()).pathname.split("/")[2]!;
      await expect.poll(() => stepOf(page)).toBe("choose_method");
      await shot("child-choose-method");
      await settled(page);
      await page.getByRole("button", { name: x.mobile3 }).click();

      // The legal representative's name and ID number are the checked ones, fixed: shown masked, no input.
      await expect.poll(() => stepOf(page)).toBe("method_form");
      for (const [field, masked] of [
        ["name", "*四"],
        ["id_number", "4403************63"],
      ] as const) {
        const wrap = page.locator(`#f-${field}-wrap`);
        expect(await wrap.getAttribute("data-locked"), field).not.toBeNull();
        expect(await wrap.locator(".value").textContent()).toBe(masked);
        expect(await wrap.textContent()).toContain(x.locked);
        expect(await page.locator(`#f-${field}`).count(), `no input for ${field}`).toBe(0);
      }
      // The sign-in phone stands for mobile3's, masked, behind Change.
      expect(await page.locator("#f-phone-wrap summary .value").textContent()).toBe(`137****${8100 + n}`);
      expect(await page.content()).not.toContain(legalRep.idNumber);
      await shot("child-method-form");
      await agreeAndContinue(page);

      // The child's result, which leads back to the organization.
      await expect.poll(() => page.locator("h1").getAttribute("data-status")).toBe("verified");
      expect(await page.locator("h1").textContent()).toBe(x.verified);
      const back = page.getByRole("link", { name: x.backToParent });
      expect(await back.getAttribute("href")).toBe(parentPath);
      await shot("child-result");
      if (full) {
        // Left alone, it goes back by itself after a few seconds.
        await page.waitForURL(atParent, { timeout: 10_000 });
      } else {
        await back.click();
        await page.waitForURL(atParent);
      }

      // The organization's result, naming the organization and how it was verified.
      await expect.poll(() => page.locator("h1").getAttribute("data-status")).toBe("verified");
      const result = await text(page);
      expect(result).toContain(x.verified);
      expect(result).toContain(ORG.name);
      expect(result).toContain(ORG.code);
      expect(result).toContain(x.methodName);
      expect(result).toContain("*四");
      await shot("org-result");

      // The partner's view: verified by legal_rep_personal, the legal representative acting.
      const api = await partner<Record<string, unknown>>(`/v1/verifications/${v.id}`);
      expect(api).toMatchObject({
        status: "verified",
        type: "organization",
        method: "legal_rep_personal",
        organization: { name: ORG.name, credential_code: ORG.code, registry_status: "active" },
        operator: { role: "legal_representative", name: "*四", id_number: "4403************63" },
      });
      expect(await partner(`/v1/verifications/${childId}`)).toMatchObject({ status: "verified", type: "person", method: "mobile3" });
      // One SMS in all: the sign-in code; the child's mobile3 used the phone it proved.
      expect((await partner<{ data: unknown[] }>(`/v1/test_helpers/sms?phone=${phone}`)).data).toHaveLength(1);
    } finally {
      await page.close();
    }
  });
});
