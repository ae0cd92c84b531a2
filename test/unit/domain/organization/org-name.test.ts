// The organization name as the registry holds it: full-width brackets, no spaces, full-width
// letters and digits folded, and nothing else touched.
import { describe, expect, it } from "vitest";
import { normaliseOrgName } from "../../../../src/domain/organization/org-name";

describe("normaliseOrgName", () => {
  it.each([
    ["half-width brackets, made full-width", "腾讯云计算(北京)有限责任公司", "腾讯云计算（北京）有限责任公司"],
    ["full-width brackets, kept", "腾讯云计算（北京）有限责任公司", "腾讯云计算（北京）有限责任公司"],
    ["mixed brackets", "腾讯云计算(北京）有限责任公司", "腾讯云计算（北京）有限责任公司"],
    ["spaces around, trimmed", "  北京示例科技有限公司 \t", "北京示例科技有限公司"],
    ["inner runs of whitespace, removed", "北京  示例\u3000科技\n有限公司", "北京示例科技有限公司"],
    ["a space inside the brackets", "示例（ 上海 ）有限公司", "示例（上海）有限公司"],
    ["full-width letters and digits, folded", "ＡＢＣ１２３科技有限公司", "ABC123科技有限公司"],
    ["a sole proprietorship's nested brackets", "某某生鲜食品超市(个体工商户)", "某某生鲜食品超市（个体工商户）"],
    ["other punctuation, left as it is", "北京·示例、科技有限公司", "北京·示例、科技有限公司"],
  ])("should normalise %s", (_title, input, expected) => {
    expect(normaliseOrgName(input)).toBe(expected);
  });

  it("should be idempotent", () => {
    const once = normaliseOrgName(" 示例 (深圳) ＡＢ 有限公司 ");
    expect(normaliseOrgName(once)).toBe(once);
  });

  it("should answer an empty string for blank input (the form's required check says why)", () => {
    expect(normaliseOrgName(" \u3000 ")).toBe("");
  });
});
