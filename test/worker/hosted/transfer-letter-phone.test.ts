// A corporate transfer's stamped letter taken with the phone (用手机拍照上传) in workerd: the letter
// part offers the phone beside the upload, shows the QR code once asked, and the phone's photo
// goes to the staff queue as the desktop's own upload would. A bad file is said next to the
// phone's field and stores nothing; a letter sent from the desktop first leaves the phone nothing to do.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, textOf, uniquePhone } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";
import { linkIn, Phone } from "../phone";
import { PNG, staffPost } from "../staff/licence-review";
import { staffMember } from "../staff/sign-in";

const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: TEST_IDENTITIES[1].name };
const PDF = new File([new TextEncoder().encode("%PDF-1.4\n% stamped letter\n")], "letter.pdf", { type: "application/pdf" });

async function atReverse() {
  const { testKey } = await newPartner("宁波产权");
  const v = await newVerification(testKey, { type: "organization", methods: ["transfer_reverse"] });
  const desktop = new Applicant(v.id);
  await desktop.signIn(testKey, uniquePhone());
  await desktop.post("/organization/check", { consent: "yes", ...ORG });
  await desktop.post("/organization/role", { role: "agent" });
  const page = await desktop.post("/method", { method: "transfer_reverse" });
  return { testKey, v, desktop, page };
}

async function phoneAt(link: string) {
  const phone = new Phone();
  expect(await phone.get(link)).toMatchObject({ status: 303, location: "/p" });
  return phone;
}

const send = (phone: Phone, file: File | string) => {
  const form = new FormData();
  form.set("authorization_letter", file);
  return phone.post("/p/letter", form);
};

const letters = async (id: string) => (await env.IMAGES.list({ prefix: `letters/${id}/` })).objects;

describe("the stamped letter taken with the phone", () => {
  it("should offer the phone beside the upload, show the QR code, and send the phone's photo for review", async () => {
    const { testKey, v, desktop, page } = await atReverse();
    expect(page.html).toContain(`action="/v/${v.id}/transfer/letter/phone"`);
    expect(page.html).toContain('data-letter-phone="offered"');
    expect(linkIn(page.html)).toBeFalsy();
    const offered = await desktop.post("/transfer/letter/phone", {});
    expect(offered.step).toBe("transfer_confirmation");
    expect(offered.html).toContain('data-letter-phone="waiting"');
    // The upload stays beside the QR code.
    expect(offered.html).toContain('id="f-authorization_letter"');
    const link = linkIn(offered.html)!;
    expect(link).toBeTruthy();
    // Asked again (a second tab), the same handoff answers with a fresh link rather than a second handoff.
    const again = await desktop.post("/transfer/letter/phone", {});
    expect(again.html).toContain('data-letter-phone="waiting"');

    const phone = await phoneAt(linkIn(again.html)!);
    const capture = await phone.get("/p");
    expect(capture.html).toContain('data-phone="letter_capture"');
    expect(textOf(capture.html)).toContain(`为“${ORG.org_name}”拍摄加盖公章的授权书`);
    expect(capture.html).toMatch(/<input type="file" id="f-authorization_letter" name="authorization_letter" accept="image\/\*" capture="environment"/);

    const bad = await send(phone, new File(["<html></html>"], "letter.jpg", { type: "image/jpeg" }));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="f-authorization_letter-error"');
    expect(textOf(bad.text)).toContain("盖章授权书须为 JPEG、PNG 或 PDF 文件");
    expect(await letters(v.id)).toHaveLength(0);

    expect(await send(phone, new File([PNG], "letter.png", { type: "image/png" }))).toMatchObject({ status: 303, location: "/p" });
    expect(textOf((await phone.get("/p")).html)).toContain("授权书已发送，请回到电脑上查看审核进度。");
    const item = (await env.DB.prepare("select status, kind, content_type, object_key from reviews where verification_id = ?").bind(v.id).first<Record<string, string>>())!;
    expect(item).toMatchObject({ status: "pending", kind: "authorization_letter", content_type: "image/png" });
    expect(new Uint8Array(await (await env.IMAGES.get(item.object_key!))!.arrayBuffer())).toEqual(PNG);
    const after = await desktop.open();
    expect(after.html).toContain('data-letter="pending"');
    expect(after.html).not.toContain("data-letter-phone");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "requires_review", transfer: { letter: { status: "pending" } } });
    // The link was for one letter: a second photo sends nothing.
    expect(await send(phone, new File([PNG], "again.png", { type: "image/png" }))).toMatchObject({ status: 303, location: "/p" });
    expect(await letters(v.id)).toHaveLength(1);

    // Rejected in the back office: the operator reads why, and may take it with the phone again.
    const reviewer = (await staffMember("reviewer")).jwt;
    const reviewId = (await env.DB.prepare("select id from reviews where verification_id = ?").bind(v.id).first<{ id: string }>())!.id;
    await staffPost(`/staff/reviews/${reviewId}/claim`, reviewer);
    expect((await staffPost(`/staff/reviews/${reviewId}/decision`, reviewer, { decision: "reject", reason: "letter_unreadable" })).status).toBe(303);
    expect(await env.IMAGES.get(item.object_key!)).toBeNull();
    const rejected = await desktop.open();
    expect(rejected.html).toContain('data-reason="letter_unreadable"');
    expect(rejected.html).toContain('data-letter-phone="offered"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.transfer.letter).toEqual({ status: "rejected", reason: "letter_unreadable" });
  });

  it("should leave the phone nothing to do once the desktop sent the letter first", async () => {
    const { v, desktop } = await atReverse();
    const offered = await desktop.post("/transfer/letter/phone", {});
    const phone = await phoneAt(linkIn(offered.html)!);
    await desktop.post("/transfer/letter", { authorization_letter: PDF });
    expect(textOf((await phone.get("/p")).html)).toContain("授权书已发送");
    expect(await send(phone, new File([PNG], "letter.png", { type: "image/png" }))).toMatchObject({ status: 303, location: "/p" });
    expect(await letters(v.id)).toHaveLength(1);
  });
});
