// The licence's OCR reading on the reviewer's page, in workerd with the sandbox OCR: a licence is
// read once the upload is valid and kept in the review.requested event (the legal representative
// only masked, with the verdicts made at upload); the reviewer sees the side-by-side table with
// each row marked in words, the warnings, and "识别失败" when the OCR failed (未配置识别, which test
// mode never is, in test/unit/views/staff/licence-reading.test.ts). A failing OCR never stops the upload.
import { describe, expect, it } from "vitest";
import { SANDBOX_LICENCE_MARKERS } from "../../../src/providers/sandbox-values";
import { Applicant, textOf, uniquePhone } from "../applicant";
import { newPartner, newVerification } from "../helpers";
import { events, licence, newReviewer, ORG, PNG, review, staffGet } from "./licence-review";

const withMarker = (marker: string) => new Uint8Array([...PNG, ...new TextEncoder().encode(marker)]);

/** The licence `file` sent for review for the organization ORG; its review id and event data. */
async function sent(file: File) {
  const { testKey } = await newPartner("宁波识别");
  const v = await newVerification(testKey, { type: "organization", methods: ["legal_rep_personal"] });
  const a = new Applicant(v.id);
  await a.signIn(testKey, uniquePhone());
  await a.post("/organization/check", ORG);
  const page = await a.post("/organization/licence", { ...ORG, business_licence: file });
  const row = await review(v.id);
  const requested = (await events(v.id)).find((e) => e.type === "review.requested");
  return { v, page, reviewId: String(row?.id), requested: requested?.data ?? {} };
}

async function reviewerSees(reviewId: string) {
  const { jwt } = await newReviewer("审核员识");
  const res = await staffGet(`/staff/reviews/${reviewId}`, jwt);
  expect(res.status).toBe(200);
  return res.html;
}

const rowOf = (html: string, field: string) => new RegExp(`<tr data-field="${field}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? "";

describe("the licence's reading on the review page", () => {
  it("should keep the sandbox's default reading with the legal representative masked, and show it beside what was typed", async () => {
    const { page, reviewId, requested } = await sent(licence());
    expect(page.step).toBe("review_pending");
    // The sandbox reads 张三 by default; the operator typed 李四.
    expect(requested.licence_reading).toMatchObject({
      status: "read",
      provider: "sandbox",
      name: ORG.org_name,
      credit_code: "91330200MA2AAAAA0G",
      legal_rep_name_masked: "*三",
      matches: { name: true, credit_code: true, legal_rep_name: false },
    });
    expect(JSON.stringify(requested)).not.toContain("张三");

    const html = await reviewerSees(reviewId);
    expect(textOf(html)).toContain("执照识别与填写比对");
    expect(html).toContain('<th scope="col">经办人填写</th>');
    expect(html).toContain('<th scope="col">执照识别</th>');
    expect(html).toMatch(/<caption>/);
    expect(rowOf(html, "name")).toContain('<th scope="row">名称</th>');
    expect(rowOf(html, "name")).toContain('data-match="matches"');
    expect(textOf(rowOf(html, "name"))).toContain("一致");
    expect(rowOf(html, "credit_code")).toContain('data-match="matches"');
    expect(rowOf(html, "legal_rep_name")).toContain('data-match="differs"');
    expect(textOf(rowOf(html, "legal_rep_name"))).toContain("不一致");
    expect(textOf(rowOf(html, "legal_rep_name"))).toContain("*三");
    expect(rowOf(html, "business_term")).toContain("2020年01月01日至长期");
    expect(rowOf(html, "business_term")).toContain('data-match="none"');
    expect(html).not.toContain("data-warnings");
  });

  it("should list the warnings a licence comes with, every typed field matching", async () => {
    const { reviewId } = await sent(licence(withMarker(`${SANDBOX_LICENCE_MARKERS.prefix}:${ORG.org_name}:91330200MA2AAAAA0G:${ORG.legal_rep_name}:photocopy,reshoot`)));
    const html = await reviewerSees(reviewId);
    for (const field of ["name", "credit_code", "legal_rep_name"]) expect(rowOf(html, field)).toContain('data-match="matches"');
    expect(html).toContain('data-warning="photocopy"');
    expect(html).toContain('data-warning="reshoot"');
    expect(textOf(html)).toContain("黑白复印件");
  });

  it.each([
    [SANDBOX_LICENCE_MARKERS.unreadable, "图片无法识别"],
    [SANDBOX_LICENCE_MARKERS.unavailable, "识别服务暂不可用"],
  ])("should still send the licence for review when the OCR answers %s, and say 识别失败", async (marker, why) => {
    const { page, reviewId } = await sent(licence(withMarker(marker)));
    expect(page.step).toBe("review_pending");
    const html = await reviewerSees(reviewId);
    expect(html).toContain('data-reading="failed"');
    expect(textOf(html)).toContain(`识别失败：${why}`);
    expect(html).not.toContain('data-reading="read"');
  });

  it("should never send a PDF to OCR, and say so", async () => {
    const pdf = new File([new TextEncoder().encode("%PDF-1.7\n%sandbox\n")], "licence.pdf", { type: "application/pdf" });
    const { page, reviewId, requested } = await sent(pdf);
    expect(page.step).toBe("review_pending");
    expect(requested.licence_reading).toMatchObject({ status: "unsupported_file" });
    expect(textOf(await reviewerSees(reviewId))).toContain("PDF 文件不能自动识别");
  });
});
