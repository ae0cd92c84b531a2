// A field's error sentence fills every placeholder: the field's label beside the sentence's own
// ({tries}, {seconds}), in both languages, for every error code the messages know.
import { describe, expect, it } from "vitest";
import { errorText } from "../../../views/components/form-errors";
import { LOCALES } from "../../../views/messages";
import { zhCN } from "../../../views/messages/zh-CN";

const ERROR_CODES = Object.keys(zhCN)
  .filter((k) => k.startsWith("error."))
  .map((k) => k.slice("error.".length));
const PARAMS = { tries: "2", seconds: "60" };

describe("errorText", () => {
  it.each(LOCALES)("should fill the field's label when the sentence's own params are given too (%s)", (locale) => {
    expect(errorText(locale, "phone", "required", PARAMS)).toBe(locale === "en" ? "Mobile number is required." : "请填写手机号。");
    expect(errorText(locale, "phone", "invalid_length", PARAMS)).not.toContain("{");
  });

  it.each(LOCALES.flatMap((locale) => ERROR_CODES.map((code) => [locale, code] as const)))("should leave no placeholder in %s error.%s", (locale, code) => {
    expect(errorText(locale, "code", code, PARAMS)).not.toMatch(/\{\w+\}/);
  });
});
