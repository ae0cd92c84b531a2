// What a review keeps of the licence's reading (only the legal representative's name masked, the
// verdicts made in the clear at upload), how it is read back from the event, and the reviewer's
// table built from it.
import { describe, expect, it } from "vitest";
import { notConfiguredOcr } from "../../../src/providers/not-configured";
import type { LicenceAnswer, OcrProvider } from "../../../src/providers/ocr/index";
import { sandboxOcr } from "../../../src/providers/ocr/sandbox";
import { keptReading, readLicence } from "../../../src/reviews/licence-reading";
import { licenceReadingView } from "../../../src/reviews/licence-reading-view";
import { parseLicenceReading } from "../../../src/reviews/stored-licence-reading";

const TYPED = { orgName: "宁波示例科技(集团)有限公司", creditCode: "91330200ma2aaaaa0g", legalRepName: "阿依古丽·买买提" };
const READ: LicenceAnswer = {
  outcome: "match",
  provider: "tencentcloud",
  serial: "req-1",
  name: "宁波示例科技（集团）有限公司",
  creditCode: "91330200MA2AAAAA0G",
  legalRepName: "阿依古丽•买买提",
  type: "有限责任公司",
  address: "浙江省宁波市海曙区示例路1号",
  registeredCapital: "人民币壹佰万元整",
  establishedOn: "2020年01月01日",
  businessTerm: "长期",
  warnings: ["reshoot"],
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("keptReading", () => {
  it("should keep the name and code in full, the legal representative only masked, and the verdicts", () => {
    const kept = keptReading(READ, TYPED);
    expect(kept).toMatchObject({
      status: "read",
      name: READ.name,
      credit_code: READ.creditCode,
      legal_rep_name_masked: "*******提",
      warnings: ["reshoot"],
      matches: { name: true, credit_code: true, legal_rep_name: true },
    });
    expect(JSON.stringify(kept)).not.toContain("阿依古丽");
  });

  it("should say which fields differ", () => {
    const kept = keptReading({ ...READ, name: "宁波别的有限公司", legalRepName: "张三" }, TYPED);
    expect(kept.status === "read" && kept.matches).toEqual({ name: false, credit_code: true, legal_rep_name: false });
  });

  it("should never call a field that was not read a match", () => {
    const kept = keptReading({ ...READ, name: "", creditCode: "", legalRepName: "" }, { orgName: "", creditCode: "", legalRepName: "" });
    expect(kept).toMatchObject({ legal_rep_name_masked: "", matches: { name: false, credit_code: false, legal_rep_name: false } });
  });

  it.each([
    [{ outcome: "unavailable", provider: "tencentcloud", detail: "provider_not_configured" }, "not_configured"],
    [{ outcome: "unavailable", provider: "tencentcloud", detail: "timeout" }, "unavailable"],
    [{ outcome: "no_match", reason: "unreadable", provider: "tencentcloud", serial: "r" }, "unreadable"],
    [{ outcome: "no_match", reason: "not_a_licence", provider: "tencentcloud", serial: "r" }, "not_a_licence"],
    [{ outcome: "no_match", reason: "unsupported_file", provider: "tencentcloud", serial: "" }, "unsupported_file"],
  ] as const)("should keep %j as the status %s", (answer, status) => {
    expect(keptReading(answer, TYPED)).toMatchObject({ status });
  });
});

describe("readLicence", () => {
  it("should answer not_configured where OCR is not configured", async () => {
    expect(await readLicence(notConfiguredOcr, { bytes: PNG, contentType: "image/png" }, TYPED)).toMatchObject({ status: "not_configured" });
  });

  it("should answer unavailable, never throw, when the adapter throws", async () => {
    const broken: OcrProvider = { ...sandboxOcr(), readBusinessLicence: () => Promise.reject(new Error("boom")) };
    expect(await readLicence(broken, { bytes: PNG, contentType: "image/png" }, TYPED)).toEqual({ status: "unavailable", provider: "", serial: "" });
  });
});

describe("parseLicenceReading", () => {
  it("should read back what was kept, and nothing of another shape", () => {
    const kept = keptReading(READ, TYPED);
    expect(parseLicenceReading({ review_id: "rev_1", licence_reading: JSON.parse(JSON.stringify(kept)) })).toEqual(kept);
    expect(parseLicenceReading({ review_id: "rev_1" })).toBeNull();
    expect(parseLicenceReading({ licence_reading: { status: "read", name: "x" } })).toBeNull();
  });
});

describe("licenceReadingView", () => {
  const typed = { orgName: TYPED.orgName, creditCode: TYPED.creditCode, legalRepNameMasked: "*******提" };

  it("should compare the three typed fields and show the other facts alone", () => {
    const view = licenceReadingView(keptReading({ ...READ, legalRepName: "张三" }, TYPED), typed);
    if (view.kind !== "read") throw new Error(view.kind);
    expect(view.rows.map((r) => [r.field, r.match])).toEqual([
      ["name", true],
      ["credit_code", true],
      ["legal_rep_name", false],
      ["type", null],
      ["address", null],
      ["registered_capital", null],
      ["established_on", null],
      ["business_term", null],
    ]);
    expect(view.rows[2]).toMatchObject({ typed: "*******提", read: "*三" });
    expect(view.warnings).toEqual(["reshoot"]);
  });

  it("should say not configured without a reading, and failed with the reason", () => {
    expect(licenceReadingView(null, typed)).toEqual({ kind: "not_configured" });
    expect(licenceReadingView({ status: "not_configured", provider: "tencentcloud", serial: "" }, typed)).toEqual({ kind: "not_configured" });
    expect(licenceReadingView({ status: "unreadable", provider: "tencentcloud", serial: "r" }, typed)).toEqual({ kind: "failed", reason: "unreadable" });
  });
});
