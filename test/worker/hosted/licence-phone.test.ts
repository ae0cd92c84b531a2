// 用手机拍摄营业执照 in workerd: the desktop sends the org check's form to wait for the phone, the
// phone opens the link, sees the organization's name and takes the photo, and the licence goes to
// review as the desktop's own upload sends it. A bad file is said next to the phone's field and
// stores nothing; a link works once.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Applicant, textOf, uniquePhone } from "../applicant";
import { newPartner, newVerification } from "../helpers";
import { linkIn, Phone } from "../phone";
import { events, licence, ORG, PNG, review } from "../staff/licence-review";

async function row(id: string) {
  return (await env.DB.prepare("select status, state, org_name, pending_enc from verifications where id = ?").bind(id).first<Record<string, string | null>>())!;
}

async function stored(id: string) {
  return (await env.IMAGES.list({ prefix: `licences/${id}/` })).objects;
}

/** Signed in, the registry's org_not_found answered, and 用手机拍摄营业执照 chosen: the desktop shows the QR code. */
async function atPhoneOffer(locale: "zh-CN" | "en" = "zh-CN") {
  const { testKey } = await newPartner("宁波产权");
  const v = await newVerification(testKey, { type: "organization", methods: ["legal_rep_personal"], locale });
  const desktop = new Applicant(v.id);
  await desktop.signIn(testKey, uniquePhone());
  const notFound = await desktop.post("/organization/check", ORG);
  const offer = await desktop.post("/organization/licence/phone", ORG);
  const link = linkIn(offer.html);
  if (!link) throw new Error(`no link on the page: ${offer.step}`);
  return { v, desktop, notFound, offer, link };
}

async function phoneAt(link: string) {
  const phone = new Phone();
  const opened = await phone.get(link);
  expect(opened).toMatchObject({ status: 303, location: "/p" });
  return phone;
}

const upload = (phone: Phone, file: File | string) => {
  const form = new FormData();
  form.set("business_licence", file);
  return phone.post("/p/licence", form);
};

describe("the business licence taken with the phone", () => {
  it("should offer the phone beside the upload, show the QR code, and send the phone's photo for review", async () => {
    const { v, desktop, notFound, offer, link } = await atPhoneOffer();
    expect(notFound.html).toContain(`formaction="/v/${v.id}/organization/licence/phone"`);
    expect(textOf(notFound.html)).toContain("用手机拍摄营业执照");
    expect(offer.step).toBe("licence_phone");
    expect(offer.html).toContain('data-state="waiting"');
    expect((await row(v.id)).status).toBe("in_progress");
    // Kept sealed, never in the clear; the consent recorded as the desktop sent the form (the check's own before it).
    expect((await row(v.id)).pending_enc).not.toContain(ORG.legal_rep_name);
    expect((await events(v.id)).filter((e) => e.type === "consent.recorded").map((e) => e.data.method)).toEqual(["org_check", "org_check"]);

    const phone = await phoneAt(link);
    const page = await phone.get("/p");
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-phone="licence_capture"');
    expect(textOf(page.html)).toContain(`为“${ORG.org_name}”拍摄营业执照`);
    expect(page.html).not.toContain(ORG.legal_rep_name);
    expect(page.html).toMatch(/<input type="file" id="f-business_licence" name="business_licence" accept="image\/\*" capture="environment"/);

    const sent = await upload(phone, licence());
    expect(sent).toMatchObject({ status: 303, location: "/p" });
    expect(textOf((await phone.get("/p")).html)).toContain("营业执照已发送，请回到电脑上查看审核进度。");

    const item = (await review(v.id))!;
    expect(item).toMatchObject({ status: "pending", kind: "business_licence", content_type: "image/png" });
    expect(String(item.object_key)).toMatch(new RegExp(`^licences/${v.id}/`));
    const object = await env.IMAGES.get(String(item.object_key));
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(PNG);
    const after = await row(v.id);
    expect(after).toMatchObject({ status: "requires_review", org_name: ORG.org_name, pending_enc: null });
    expect(JSON.parse(after.state!).data).toMatchObject({ review_id: item.id, licence_via: "" });
    const log = await events(v.id);
    expect(log.find((e) => e.type === "review.requested")?.data).toMatchObject({ review_id: item.id, registry_reason: "org_not_found", content_type: "image/png", bytes: PNG.length });
    expect(log.find((e) => e.type === "organization.review_requested")?.data).toEqual({ review_id: item.id });
    // As many as the desktop's own upload leaves: the check's and the licence's.
    expect(log.filter((e) => e.type === "consent.recorded")).toHaveLength(2);

    // The desktop's live status ends (its script then reloads), and the page is the review's waiting page.
    expect((await desktop.open("/handoff/status")).html).toContain('data-state="verified"');
    const waiting = await desktop.open();
    expect(waiting.step).toBe("review_pending");
    expect(textOf(waiting.html)).toContain("营业执照审核中");
  });

  it("should say a bad file next to the phone's field, in the verification's language, and store nothing", async () => {
    for (const [locale, unsupported, tooLarge] of [
      ["zh-CN", "营业执照须为 JPEG、PNG 或 PDF 文件。", "营业执照超过 10 MB，请压缩后再上传。"],
      ["en", "Business licence must be a JPEG, PNG or PDF file.", "Business licence is larger than 10 MB. Compress it and try again."],
    ] as const) {
      const { v, desktop, link } = await atPhoneOffer(locale);
      const phone = await phoneAt(link);
      const notImage = await upload(phone, new File([new TextEncoder().encode("not a licence at all")], "licence.jpg", { type: "image/jpeg" }));
      expect(notImage.status).toBe(422);
      expect(notImage.text).toMatch(/aria-invalid="true" aria-describedby="f-business_licence-hint f-business_licence-error"/);
      expect(notImage.text).toContain(`<p class="error" id="f-business_licence-error">${unsupported}</p>`);
      const big = new Uint8Array(10 * 1024 * 1024 + 1);
      big.set(PNG);
      expect((await upload(phone, new File([big], "licence.png", { type: "image/png" }))).text).toContain(tooLarge);
      const empty = await upload(phone, new File([], "licence.png", { type: "image/png" }));
      expect(empty.status).toBe(422);
      expect(empty.text).toContain('id="f-business_licence-error"');
      expect(await review(v.id)).toBeNull();
      expect(await stored(v.id)).toEqual([]);
      expect((await row(v.id)).status).toBe("in_progress");
      // The phone may try again; the desktop still waits for it.
      expect((await phone.get("/p")).html).toContain('data-phone="licence_capture"');
      expect((await desktop.open()).step).toBe("licence_phone");
    }
  });

  it("should let a link in once: a second phone is refused, and a second upload sends nothing more", async () => {
    const { v, link } = await atPhoneOffer();
    const phone = await phoneAt(link);
    const again = await new Phone().get(link);
    expect(again.status).toBe(410);
    expect(again.location).toBeNull();
    await upload(phone, licence());
    const first = (await review(v.id))!;
    expect(await upload(phone, licence())).toMatchObject({ status: 303, location: "/p" });
    expect((await review(v.id))!.id).toBe(first.id);
    expect(await stored(v.id)).toHaveLength(1);
  });

  it("should keep what was typed for the desktop upload instead (?edit=1), and send it from there", async () => {
    const { v, desktop } = await atPhoneOffer();
    const form = await desktop.open("?edit=1");
    expect(form.step).toBe("org_check");
    expect(form.html).toContain(`value="${ORG.org_name}"`);
    expect(form.html).toContain('name="business_licence"');
    const sent = await desktop.post("/organization/licence", { ...ORG, business_licence: licence() });
    expect(sent.step).toBe("review_pending");
    expect((await row(v.id)).status).toBe("requires_review");
  });
});
