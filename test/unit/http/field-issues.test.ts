// Every code a field of the API can fail with has its own sentence in both languages: one that
// names the field as the JSON spells it and leaves no placeholder, never the catch-all.
import { describe, expect, it } from "vitest";
import { render } from "../../../src/http/api-messages";
import { en } from "../../../src/http/api-messages/en";
import { zhCN } from "../../../src/http/api-messages/zh-CN";
import { fieldIssue, quotedPath } from "../../../src/http/field-issues";
import { VALIDATION_CODES } from "../../../src/domain/validators/result";
import type { EndpointUrlProblem } from "../../../src/webhooks/endpoint-url";
import { LOCALES } from "../../../views/messages";

const URL_PROBLEMS: EndpointUrlProblem[] = ["invalid_format", "insecure_url", "url_credentials", "test_mode_only", "private_address", "internal_host"];

/** The sentence for a code at a path, rendered with every nested text filled in. */
const sentences = (locale: (typeof LOCALES)[number], code: string, path: (string | number)[]) => render(locale, fieldIssue(path, code).message);

describe("field sentences of the API", () => {
  it.each(LOCALES.flatMap((locale) => VALIDATION_CODES.map((code) => [locale, code] as const)))("should have a sentence of its own for the %s validator code %s", (locale, code) => {
    const issue = fieldIssue(["person", "id_number"], code);
    expect(issue).toMatchObject({ path: "person.id_number", code });
    expect(issue.message.key).not.toBe("field.invalid_value");
    const sentence = sentences(locale, code, ["person", "id_number"]);
    expect(sentence).toContain('"person.id_number"');
    expect(sentence).not.toMatch(/\{\w+\}/);
  });

  it.each(LOCALES.flatMap((locale) => URL_PROBLEMS.map((code) => [locale, code] as const)))("should have a sentence of its own for the %s URL problem %s", (locale, code) => {
    expect(fieldIssue(["url"], code).message.key).not.toBe("field.invalid_value");
    expect(sentences(locale, code, ["url"])).toMatch(/^[^{}]*"url"[^{}]*$/);
  });

  it("should say a URL field must be an absolute URL, whichever rule refused it", () => {
    expect(sentences("en", "invalid_format", ["url"])).toBe('"url" must be an absolute URL, such as https://partner.example/back.');
    expect(sentences("zh-CN", "invalid_format", ["redirect_url"])).toBe('"redirect_url" 必须是完整的 URL，例如 https://partner.example/back。');
  });

  it("should add what an identifier must look like where the code alone does not say", () => {
    expect(sentences("en", "invalid_length", ["person", "phone"])).toBe('"person.phone" has the wrong number of characters. Expected an 11-digit mainland China mobile number (+86 may precede it).');
    expect(sentences("zh-CN", "invalid_length", ["person", "phone"])).toBe('"person.phone" 的长度不正确。格式应为：11 位中国大陆手机号（可带 +86）。');
  });

  it.each([
    [["methods", 1], '"methods[1]"'],
    [["person", "id_number"], '"person.id_number"'],
    [["events", 0], '"events[0]"'],
    [["Idempotency-Key"], '"Idempotency-Key"'],
  ] as const)("should quote %j as %s", (path, quoted) => {
    expect(quotedPath(path)).toBe(quoted);
  });

  it("should begin every English sentence with the field placeholder or a capital, and keep the tables key for key", () => {
    // Never a bare lowercase field word at the start ("events has a value…"): the field is quoted, or the sentence is capitalised.
    for (const [key, sentence] of Object.entries(en)) if (key.startsWith("field.") || key.startsWith("detail.")) expect(sentence, key).toMatch(/^(\{|[A-Z"])/);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });
});
