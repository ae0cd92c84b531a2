// The legal texts: the two pages in both languages, and a 404 for any other name, including
// the names every JavaScript object inherits.
import { describe, expect, it } from "vitest";
import { CONSENT_TEXTS } from "../../../src/flow/consent";
import { t } from "../../../views/messages";
import { call } from "../helpers";

describe("legal pages", () => {
  it.each([
    ["/legal/service-agreement", "服务协议"],
    ["/legal/privacy?lang=en", "Privacy"],
  ])("should show %s", async (path, title) => {
    const res = await call(path);
    expect(res.status).toBe(200);
    expect(res.text).toContain(title);
  });

  it("should say in the privacy policy who receives what, for how long, the rights and a contact", async () => {
    const { text } = await call("/legal/privacy");
    for (const words of ["运营商", "银行", "腾讯云", "FaceID", "OCR", "支付宝", "活体视频", "身份证有效期", "24 小时", "脱敏", "撤回同意", "更正", "删除", "privacy@shiming.example"]) {
      expect(text).toContain(words);
    }
    expect(text).toContain("<h2>保存期限</h2>");
    expect(text).toMatch(/<ul><li>/);
  });

  it("should say the same in English", async () => {
    const { text } = await call("/legal/privacy?lang=en");
    for (const words of ["carrier", "bank", "Tencent Cloud", "FaceID", "Alipay", "24 hours", "withdraw your consent", "privacy@shiming.example"]) {
      expect(text).toContain(words);
    }
  });

  it.each([
    ["zh-CN", ["认证记录和同意记录在认证结束后保存 3 年", "《民法典》第一百八十八条", "期满后删除"]],
    ["en", ["consent records are kept for 3 years after the verification ends", "Civil Code article 188", "then deleted"]],
  ])("should say in %s that the evidence is kept for 3 years, why, and then deleted", async (lang, words) => {
    const { text } = await call(`/legal/privacy?lang=${lang}`);
    for (const w of words) expect(text).toContain(w);
  });

  it.each(["/legal/service-agreement", "/legal/privacy", "/legal/privacy?lang=en"])("should show on %s the version the consent records", async (path) => {
    const { version } = CONSENT_TEXTS.app_authorization;
    expect(version).toBe("2026-12-03.2");
    expect((await call(path)).text).toContain(version);
  });

  it("should hash the full zh-CN texts into the app authorization consent", () => {
    const text = CONSENT_TEXTS.app_authorization.text();
    expect(text).toContain(t("zh-CN", "legal.service.body"));
    expect(text).toContain(t("zh-CN", "legal.privacy.body"));
    expect(text).toContain("腾讯云");
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "nope"])("should answer 404 to /legal/%s", async (name) => {
    const res = await call(`/legal/${name}`);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: "not_found" });
  });
});
