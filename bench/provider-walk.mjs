// SMS messages and provider calls per completed verification, per method: walks one verification
// of each kind through the hosted flow as a browser with htmx would (and, for face, the phone),
// then counts from its evidence record the sms.sent events and the provider.call events by
// capability, and checks the SMS count against the sandbox's outbox (/v1/test_helpers/sms).
// Used by bench/run.mjs; run alone (`node bench/provider-walk.mjs <base URL> <test key>`) it walks
// any running service, e.g. an older commit's, which is how the README's "before" was measured.
// It only drives HTTP: no storage, no instrumentation, so it runs against any version that has
// these routes.
import { pathToFileURL } from "node:url";
import { PNG } from "pngjs";

const IDENTITY = { name: "张三", idNumber: "110101199003071233", cardNumber: "6222021234567890128" }; // TEST_IDENTITIES[0]
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const HTMX = { "hx-request": "true" };
/** The send limit per phone: one code a minute. */
const COOLDOWN_MS = 60_000;

export const WALKS = [
  { name: "mobile3, the sign-in phone", method: "mobile3", phone: "sign-in" },
  { name: "mobile3, another phone", method: "mobile3", phone: "other" },
  { name: "bankcard4, the sign-in phone", method: "bankcard4", phone: "sign-in" },
  { name: "bankcard4, another phone", method: "bankcard4", phone: "other" },
  { name: "bankcard4 with ID photos, another phone", method: "bankcard4", phone: "other", options: { collect_id_images: true } },
  { name: "face (phone browser)", method: "face" },
];

// A WebM header is all the sandbox face check needs: it never decodes the clip.
const CLIP = new Blob([Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, ...new Array(2048).fill(7)])], { type: "video/webm" });

function photo() {
  // A plain 320×200 PNG: the sandbox OCR reads any real image as the default test identity.
  const png = new PNG({ width: 320, height: 200 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

const stepOf = (html) => /data-step="([a-z_]+)"/.exec(html)?.[1] ?? null;
const cookiesOf = (res) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Walks each of WALKS once against `base` with the test key `key`; `phone()` and `ip()` hand out
 * numbers and client addresses no other request of the run uses (the SMS limits are per phone and
 * per IP). Answers one row per walk.
 */
export async function providerWalk(base, key, { phone, ip }) {
  const rows = [];
  for (const walk of WALKS) rows.push({ ...walk, ...(await walkOne(base, key, walk, phone(), phone(), ip())) });
  return rows;
}

async function walkOne(base, key, walk, signInPhone, otherPhone, clientIp) {
  let requests = 0;
  let waitedMs = 0;
  const fetchAs = async (p, init = {}) => {
    requests += 1;
    const res = await fetch(new URL(p, base), { redirect: "manual", ...init, headers: { "cf-connecting-ip": clientIp, ...init.headers } });
    const text = await res.text();
    if (res.status >= 500) throw new Error(`${walk.name}: ${p} answered ${res.status}: ${text.slice(0, 300)}`);
    return { res, text };
  };
  const partner = async (p, init = {}) =>
    JSON.parse((await fetchAs(p, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers } })).text);
  const outbox = async (to) => (await partner(`/v1/test_helpers/sms?phone=${to}`)).data;
  const codeIn = (messages) => /验证码为(\d{6})/.exec(messages[0]?.text ?? "")?.[1];

  const v = await partner("/v1/verifications", {
    method: "POST",
    body: JSON.stringify({ type: "person", methods: [walk.method], options: walk.options ?? {}, redirect_url: "https://partner.example/back" }),
  });
  // The desktop browser's cookies (the sign-in draft, then the applicant's session).
  const jar = new Map();
  const desktop = async (p, init = {}, htmx = true) => {
    const r = await fetchAs(p, { ...init, headers: { ...(htmx ? HTMX : {}), ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {}), ...init.headers } });
    for (const line of r.res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      if (/max-age=0/i.test(line)) jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return r;
  };
  const post = (p, fields) => desktop(p, { method: "POST", body: new URLSearchParams(fields).toString(), headers: FORM });
  await desktop(`/v/${v.id}`, {}, false);

  // App authorization with the sign-in phone.
  await post(`/v/${v.id}/authorize`, { action: "send_code", phone: signInPhone });
  const signInSentAt = Date.now();
  const code = codeIn(await outbox(signInPhone));
  if (!code) throw new Error(`${walk.name}: no sign-in code`);
  let page = (await post(`/v/${v.id}/authorize`, { action: "authorize", phone: signInPhone, code, consent: "yes" })).text;

  // The method's form. `consent` is the form's own consent where it has one (a field it ignores otherwise).
  const methodPhone = walk.phone === "sign-in" ? signInPhone : otherPhone;
  const fields = { consent: "yes", name: IDENTITY.name, id_number: IDENTITY.idNumber };
  if (walk.method === "bankcard4") fields.card_number = IDENTITY.cardNumber;
  if (walk.method !== "face") fields.phone = methodPhone;
  const beforeForm = walk.method === "face" ? [] : await outbox(methodPhone);
  page = (await post(`/v/${v.id}/methods/${walk.method}`, fields)).text;

  for (let guard = 0; stepOf(page) !== "result"; guard++) {
    if (guard > 6) throw new Error(`${walk.name}: stuck at ${stepOf(page)}`);
    const step = stepOf(page);
    if (step === "code") {
      let messages = await outbox(methodPhone);
      if (messages.length === beforeForm.length) {
        // The method's code was refused (one code a minute per phone, and the sign-in code was
        // just sent): as a person must, wait out the minute and ask again.
        const wait = signInSentAt + COOLDOWN_MS + 1000 - Date.now();
        if (wait > 0) {
          waitedMs += wait;
          await sleep(wait);
        }
        await post(`/v/${v.id}/methods/${walk.method}/code`, { action: "resend" });
        messages = await outbox(methodPhone);
        if (messages.length === beforeForm.length) throw new Error(`${walk.name}: the resent code did not arrive`);
      }
      page = (await post(`/v/${v.id}/methods/${walk.method}/code`, { action: "confirm", code: codeIn(messages) })).text;
    } else if (step === "id_photos") {
      const fd = new FormData();
      fd.set("id_front", new Blob([photo()], { type: "image/png" }), "front.png");
      fd.set("id_back", new Blob([photo()], { type: "image/png" }), "back.png");
      page = (await desktop(`/v/${v.id}/id-photos`, { method: "POST", body: fd })).text;
    } else if (step === "continue_on_phone") {
      // The phone: the one-time link, the face consent, the clip; then the desktop's page again.
      const linkIn = (html) => /data-link[^>]*>([^<]+)</.exec(html)?.[1]?.replace(/&amp;/g, "&");
      const link = linkIn(page) ?? linkIn((await desktop(`/v/${v.id}`, {}, false)).text);
      if (!link) throw new Error(`${walk.name}: no phone link`);
      const opened = await fetchAs(link);
      const phoneCookie = cookiesOf(opened.res);
      await fetchAs("/p/consent", { method: "POST", headers: { cookie: phoneCookie } });
      const fd = new FormData();
      fd.set("clip", CLIP, "clip");
      const clip = await fetchAs("/p/clip", { method: "POST", body: fd, headers: { cookie: phoneCookie } });
      if (!clip.text.includes("verified")) throw new Error(`${walk.name}: the clip answered ${clip.text.slice(0, 200)}`);
      page = (await desktop(`/v/${v.id}`, {}, false)).text;
    } else {
      throw new Error(
        `${walk.name}: unexpected step ${step}: ${page
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .slice(0, 300)}`,
      );
    }
  }
  if (!page.includes('data-status="verified"')) throw new Error(`${walk.name}: did not end verified`);

  const { jws } = await partner(`/v1/verifications/${v.id}/evidence`);
  const record = JSON.parse(Buffer.from(jws.split(".")[1], "base64url").toString("utf8"));
  const calls = {};
  for (const e of record.events.filter((e) => e.type === "provider.call")) calls[e.data.capability] = (calls[e.data.capability] ?? 0) + 1;
  const phones = walk.method === "face" || methodPhone === signInPhone ? [signInPhone] : [signInPhone, methodPhone];
  let outboxCount = 0;
  for (const p of phones) outboxCount += (await outbox(p)).length;
  return { status: record.verification.status, sms: record.events.filter((e) => e.type === "sms.sent").length, outbox: outboxCount, calls, waitedSeconds: Math.round(waitedMs / 1000), requests };
}

/** "carrier 1", "bank 1, ocr 2": the calls of a row, in the order the evidence has them. */
export const callsText = (calls) =>
  Object.entries(calls)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "none";

export function renderProviderRows(rows) {
  return [
    "| completed verification | SMS messages (evidence) | SMS received (sandbox outbox) | provider calls | waited for a resend |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.name} | ${r.sms} | ${r.outbox} | ${callsText(r.calls)} | ${r.waitedSeconds ? `${r.waitedSeconds} s` : "–"} |`),
  ].join("\n");
}

// Alone: walk a running service.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [base, key] = process.argv.slice(2);
  if (!base || !key) {
    console.error("usage: node bench/provider-walk.mjs <base URL> <test key>");
    process.exit(2);
  }
  let p = 0;
  let i = 0;
  const phone = () => {
    for (;;) {
      const n = String(15800000000 + Math.floor(Math.random() * 9e6) * 100 + p++);
      if (!["0002", "0006", "0009"].includes(n.slice(-4))) return n;
    }
  };
  const rows = await providerWalk(base, key, { phone, ip: () => `10.77.${(++i >> 8) & 255}.${i & 255}` });
  console.log(renderProviderRows(rows));
  console.log(JSON.stringify(rows));
}
