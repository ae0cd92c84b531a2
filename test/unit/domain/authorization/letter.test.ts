import { describe, expect, it } from "vitest";
import { buildLetter, LETTER_SCOPE, LETTER_TEMPLATE_VERSION, type LetterFacts } from "../../../../src/domain/authorization/letter";
import { letterBytes, letterText } from "../../../../src/domain/authorization/letter-bytes";

const AT = Date.UTC(2026, 10, 19, 17, 30); // 2026-11-20 01:30 in Beijing, still the 19th in UTC

const FACTS: LetterFacts = {
  organization: { name: "杭州示例科技有限公司", uscc: "91330100MA27XY1234" },
  legalRepresentative: { name: "王建国", idNumber: "110105194912310021" },
  operator: { kind: "person", name: "李四", idNumber: "33010619900101002X" },
  partnerName: "宁波市奉化区产权服务中心",
  at: AT,
};

function letterOf(facts: LetterFacts) {
  const r = buildLetter(facts);
  if (!r.ok) throw new Error(r.code);
  return r.letter;
}

describe("buildLetter", () => {
  it("should print the facts, the scope, a year's validity from the Beijing day, and the template version", () => {
    const text = letterText(letterOf(FACTS));
    expect(text).toContain("授权单位：杭州示例科技有限公司\n统一社会信用代码：91330100MA27XY1234\n法定代表人（负责人）：王建国\n");
    expect(text).toContain(`在宁波市奉化区产权服务中心平台${LETTER_SCOPE}。`);
    expect(text).toContain("授权有效期：1年，自2026年11月20日起至2027年11月19日止。");
    expect(text).toContain("签署日期：2026年11月20日");
    expect(text.endsWith(`模板版本：${LETTER_TEMPLATE_VERSION}\n`)).toBe(true);
  });

  it("should mask every ID number and the operator's name, never the signer's name", () => {
    const text = letterText(letterOf(FACTS));
    expect(text).toContain("法定代表人身份证号：1101************21");
    expect(text).toContain("被授权人（经办人）：*四\n被授权人身份证号：3301************2X");
    expect(text).not.toContain("110105194912310021");
    expect(text).not.toContain("33010619900101002X");
    expect(text).not.toContain("李四");
  });

  it("should name the operator by the masked sign-in phone when their identity is not known", () => {
    const text = letterText(letterOf({ ...FACTS, operator: { kind: "phone", phone: "13812345678" } }));
    expect(text).toContain("被授权人（经办人）：以手机号 138****5678 登录的用户\n授权平台：");
    expect(text).not.toContain("被授权人身份证号");
  });

  it.each([
    [2, "自2026年11月20日起至2028年11月19日止"],
    [3, "自2026年11月20日起至2029年11月19日止"],
  ])("should print %i years with their end date", (validityYears, phrase) => {
    expect(letterText(letterOf({ ...FACTS, validityYears }))).toContain(phrase);
  });

  it("should end a letter dated 29 February on 28 February of a common year", () => {
    expect(letterText(letterOf({ ...FACTS, at: Date.UTC(2028, 1, 29, 4) }))).toContain("自2028年2月29日起至2029年2月28日止");
  });

  it.each([0, 4, 1.5, -1, Number.NaN])("should refuse a validity of %s years", (validityYears) => {
    expect(buildLetter({ ...FACTS, validityYears })).toEqual({ ok: false, code: "letter_invalid_validity", years: validityYears });
  });

  it.each([
    ["organization.name", { ...FACTS, organization: { ...FACTS.organization, name: "  " } }],
    ["legalRepresentative.name", { ...FACTS, legalRepresentative: { ...FACTS.legalRepresentative, name: "王建国\n授权有效期：99年" } }],
    ["partnerName", { ...FACTS, partnerName: "某\u2028平台" }],
    ["operator", { ...FACTS, operator: { kind: "phone", phone: "" } }],
  ] as const)("should refuse an empty or multi-line %s rather than let it forge a line", (field, facts) => {
    expect(buildLetter(facts)).toEqual({ ok: false, code: "letter_invalid_fact", field });
  });
});

describe("letterBytes", () => {
  it("should be the UTF-8 of the text, NFC, the same for the same facts", () => {
    const decomposed = { ...FACTS, organization: { ...FACTS.organization, name: "Cafe\u0301有限公司" } };
    const bytes = letterBytes(letterOf(decomposed));
    expect(new TextDecoder().decode(bytes)).toBe(letterText(letterOf(decomposed)));
    expect(new TextDecoder().decode(bytes)).toContain("Café有限公司");
    expect(letterBytes(letterOf(FACTS))).toEqual(letterBytes(letterOf({ ...FACTS })));
  });

  it("should separate the sections with one empty line", () => {
    const sections = letterText(letterOf(FACTS)).split("\n\n");
    expect(sections.map((s) => s.split("\n")[0])).toEqual([
      "企业实名认证授权书",
      "授权单位：杭州示例科技有限公司",
      expect.stringMatching(/^本单位/),
      "授权单位：杭州示例科技有限公司",
      `模板版本：${LETTER_TEMPLATE_VERSION}`,
    ]);
  });
});
