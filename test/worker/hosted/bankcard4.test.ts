import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SANDBOX_CARDS, TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, latestCode, textOf, uniquePhone } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";

const id = TEST_IDENTITIES[0];

function png(width: number, height: number, text = ""): File {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82];
  const dims = new Uint8Array(8);
  new DataView(dims.buffer).setUint32(0, width);
  new DataView(dims.buffer).setUint32(4, height);
  const tail = new TextEncoder().encode(`\0\0\0\0\0\0\0\0\0${text}`);
  return new File([Uint8Array.from([...bytes, ...dims, ...tail])], "id.png", { type: "image/png" });
}

async function start(options: Record<string, boolean> = {}) {
  const { testKey } = await newPartner();
  const v = await newVerification(testKey, { type: "person", methods: ["bankcard4"], options });
  const a = new Applicant(v.id);
  const me = { name: id.name, idNumber: id.idNumber, cardNumber: id.cardNumber, phone: uniquePhone() };
  const form: Record<string, string> = { consent: "yes", name: me.name, id_number: me.idNumber, card_number: me.cardNumber, phone: me.phone };
  const page = await a.signIn(testKey);
  return { testKey, v, a, page, me, form };
}

describe("bankcard4 journey", () => {
  it("should show the form with the suggested banks, as text", async () => {
    const { page } = await start();
    expect(page.step).toBe("method_form");
    const text = textOf(page.html);
    expect(text).toContain("建议使用下列银行进行认证");
    expect(text).toContain("中国工商银行");
    expect(page.html).not.toContain("<img");
  });

  it("should verify after the bank check and an SMS code to the reserved phone", async () => {
    const { testKey, v, a, me, form } = await start();
    const code = await a.post("/methods/bankcard4", form);
    expect(code.step).toBe("code");
    const result = await a.post("/methods/bankcard4/code", { action: "confirm", code: await latestCode(testKey, me.phone) });
    expect(result.html).toContain('data-status="verified"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", method: "bankcard4" });
  });

  it.each([
    ["card_phone_mismatch", { phone: "13800130002" }, "请确认手机号是办理银行卡时预留的号码"],
    ["card_not_supported", { card_number: SANDBOX_CARDS.notSupported }, "暂不支持这张银行卡"],
    ["name_id_mismatch", { name: "王不符" }, "姓名与身份证号不一致"],
  ])("should explain %s", async (reason, change, sentence) => {
    const { a, form } = await start();
    const page = await a.post("/methods/bankcard4", { consent: "yes", ...form, ...change });
    expect(page.html).toContain(`data-reason="${reason}"`);
    expect(textOf(page.html)).toContain(sentence);
  });

  it("should collect the ID validity dates, with long-term allowed", async () => {
    const { testKey, a, me, form } = await start({ collect_id_validity: true });
    const bad = await a.post("/methods/bankcard4", { consent: "yes", ...form, valid_from: "2016-02-30", valid_to: "" });
    expect(bad.html).toContain("f-valid_from-error");
    expect(bad.html).toContain("f-valid_to-error");
    const ok = await a.post("/methods/bankcard4", { consent: "yes", ...form, valid_from: "2016-08-20", valid_to: "", valid_to_long_term: "yes" });
    expect(ok.step).toBe("code");
    expect(await latestCode(testKey, me.phone)).toMatch(/^\d{6}$/);
  });

  async function atPhotoStep(options = { collect_id_validity: true, collect_id_images: true }, validTo = "2036-08-20") {
    const started = await start(options);
    const code = await started.a.post("/methods/bankcard4", { consent: "yes", ...started.form, valid_from: "2016-08-20", valid_to: validTo });
    expect(code.step).toBe("code");
    const photos = await started.a.post("/methods/bankcard4/code", { action: "confirm", code: await latestCode(started.testKey, started.me.phone) });
    return { ...started, photos };
  }

  it("should ask for ID photos after the SMS code, as the Beijing guide orders it", async () => {
    const { photos, testKey, v } = await atPhotoStep();
    expect(photos.step).toBe("id_photos");
    expect(textOf(photos.html)).toContain("上传身份证件");
    expect(photos.html).toContain('name="id_front"');
    expect(photos.html).toMatch(/<svg[^>]*role="img"/);
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.status).toBe("in_progress");
  });

  it("should check ID photos with OCR against what was typed and keep them in R2 without metadata", async () => {
    const { a, v, testKey } = await atPhotoStep();
    const done = await a.post("/id-photos", { id_front: png(1200, 800, "tEXtAuthor"), id_back: png(1200, 800) });
    expect(done.html).toContain('data-status="verified"');
    const row = await env.DB.prepare("select id_images from verifications where id = ?").bind(v.id).first<{ id_images: string }>();
    const keys = JSON.parse(row!.id_images);
    expect(keys.front).toMatch(new RegExp(`^id-images/${v.id}/[0-9A-Za-z]{32}$`));
    const stored = await env.IMAGES.get(keys.front);
    expect(stored?.httpMetadata?.contentType).toBe("image/png");
    expect(new TextDecoder().decode(await stored!.arrayBuffer())).not.toContain("Author");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", method: "bankcard4" });
  });

  it("should refuse photos whose dates disagree with what was typed, as a failed attempt", async () => {
    const { a, v, testKey } = await atPhotoStep(undefined, "long_term");
    const page = await a.post("/id-photos", { id_front: png(1200, 800), id_back: png(1200, 800) });
    expect(page.status).toBe(422);
    expect(page.html).toContain('data-reason="id_validity_mismatch"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.failed_attempts).toBe(1);
  });

  it.each([
    ["a PNG renamed as JPEG", () => new File([png(1200, 800)], "id.jpg", { type: "image/jpeg" }), "文件内容与扩展名不符"],
    ["a text file", () => new File(["hello"], "id.txt", { type: "text/plain" }), "必须是 JPG 或 PNG 图片"],
    ["a photo over 5 MB", () => new File([png(1200, 800), new Uint8Array(5 * 1024 * 1024)], "id.png", { type: "image/png" }), "超过 5 MB"],
    ["nothing", () => new File([], "", { type: "application/octet-stream" }), "请选择身份证人像面照片"],
  ])("should refuse %s as an ID photo, next to the field, without counting an attempt", async (_, file, sentence) => {
    const { a, v, testKey } = await atPhotoStep();
    const page = await a.post("/id-photos", { id_front: file(), id_back: png(1200, 800) });
    expect(page.status).toBe(422);
    expect(page.html).toContain("f-id_front-error");
    expect(textOf(page.html)).toContain(sentence);
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.failed_attempts).toBe(0);
  });
});

describe("the ID card's validity dates, checked where they are typed", () => {
  it.each([
    ["reversed", { valid_from: "2036-08-20", valid_to: "2016-08-20" }, "应晚于有效期起始日期"],
    ["expired", { valid_from: "2006-08-20", valid_to: "2016-08-20" }, "身份证已过有效期"],
  ])("should refuse %s dates at the form, before the bank is asked, keeping what was typed", async (_case, dates, sentence) => {
    const { a, v, testKey, form } = await start({ collect_id_validity: true, collect_id_images: true });
    const page = await a.post("/methods/bankcard4", { consent: "yes", ...form, ...dates });
    expect(page.status).toBe(422);
    expect(page.step).toBe("method_form");
    expect(page.html).toContain("f-valid_to-error");
    expect(textOf(page.html)).toContain(sentence);
    expect(page.html).toContain(`value="${dates.valid_from}"`);
    const api = await call(`/v1/verifications/${v.id}`, { key: testKey });
    expect(api.json).toMatchObject({ status: "pending", failed_attempts: 0 });
    const calls = await env.DB.prepare("select count(*) as n from verification_events where verification_id = ? and type = 'provider.call'").bind(v.id).first<{ n: number }>();
    expect(calls?.n).toBe(0);
  });

  it.each(["2016.08.20", "20160820", "2016/8/20"])("should accept %s as typed from the card", async (typed) => {
    const { a, form } = await start({ collect_id_validity: true });
    const page = await a.post("/methods/bankcard4", { consent: "yes", ...form, valid_from: typed, valid_to: "长期" });
    expect(page.step).toBe("code");
  });

  it("should label the dates as the ID card's and let the photo step go back to the form", async () => {
    const { a, testKey, me, form } = await start({ collect_id_validity: true, collect_id_images: true });
    expect(textOf((await a.open()).html)).toContain("身份证有效期自");
    await a.post("/methods/bankcard4", { consent: "yes", ...form, valid_from: "2016-08-20", valid_to: "2036-08-20" });
    const photos = await a.post("/methods/bankcard4/code", { action: "confirm", code: await latestCode(testKey, me.phone) });
    expect(photos.step).toBe("id_photos");
    expect(photos.html).toContain("?edit=1");
    const edit = await a.open("?edit=1");
    expect(edit.step).toBe("method_form");
    expect(edit.html).toContain('value="2016-08-20"');
  });
});
