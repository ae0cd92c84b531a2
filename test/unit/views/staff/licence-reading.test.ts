// The reviewer's reading table rendered alone: a real table with column and row headers, the
// verdict in words (never colour alone), and the texts for no reading, in both languages.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../../views/messages";
import { LicenceReading, type LicenceReadingView } from "../../../../views/staff/licence-reading";

const render = (locale: (typeof LOCALES)[number], view: LicenceReadingView) => String(LicenceReading({ locale, view }));
const READ: LicenceReadingView = {
  kind: "read",
  rows: [
    { field: "name", typed: "甲有限公司", read: "甲有限公司", match: true },
    { field: "legal_rep_name", typed: "*四", read: "*三", match: false },
    { field: "address", typed: null, read: "", match: null },
  ],
  warnings: ["electronic"],
};

describe("LicenceReading", () => {
  it("should render one table with scoped headers and the verdicts in words", () => {
    const html = render("zh-CN", READ);
    expect(html.match(/<th scope="col">/g)).toHaveLength(4);
    expect(html.match(/<th scope="row">/g)).toHaveLength(3);
    expect(html).toContain('<td data-match="matches"><span aria-hidden="true">✓ </span>一致</td>');
    expect(html).toContain('<td data-match="differs"><span aria-hidden="true">✗ </span>不一致</td>');
    expect(html).toContain("未识别出");
    expect(html).toContain('<li data-warning="electronic">电子营业执照</li>');
  });

  it.each(LOCALES)("should say why there is no reading, with every placeholder filled (%s)", (locale) => {
    const none = render(locale, { kind: "not_configured" });
    expect(none).toContain('data-reading="not_configured"');
    if (locale === "zh-CN") expect(none).toContain("未配置识别");
    const failed = render(locale, { kind: "failed", reason: "unsupported_file" });
    expect(failed).toContain('data-reading="failed"');
    expect(failed).toContain(locale === "zh-CN" ? "识别失败：PDF 文件不能自动识别" : "OCR failed: a PDF cannot be read automatically");
    for (const html of [none, failed, render(locale, READ)]) expect(html).not.toMatch(/\{\w+\}|staff\.review\./);
  });
});
