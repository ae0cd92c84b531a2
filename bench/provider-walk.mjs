// SMS messages and provider calls per completed verification, per method: walks one verification
// of each kind through the hosted flow as a browser with htmx would (and, for face, the phone),
// then counts from its evidence record the sms.sent events and the provider.call events by
// capability, and checks the SMS count against the sandbox's outbox (/v1/test_helpers/sms).
// An organization walks its own steps first (the organization check, who is acting) and its method,
// legal_rep_personal, as a child person verification opened from its page in the same session; its
// counts are the organization's and the child's evidence together.
// Where the service counts D1 round trips (bench/run.mjs's instrumented Worker, x-d1-queries), each
// walk also answers them per request; against any other service that column stays empty.
// Used by bench/run.mjs; run alone (`node bench/provider-walk.mjs <base URL> <test key>`) it walks
// any running service, e.g. an older commit's, which is how the README's "before" was measured.
// It only drives HTTP: no storage, no instrumentation, so it runs against any version that has
// these routes.
import { pathToFileURL } from "node:url";
import { PNG } from "pngjs";

const IDENTITY = { name: "张三", idNumber: "110101199003071233", cardNumber: "6222021234567890128" }; // TEST_IDENTITIES[0]
// An organization the sandbox registry passes, its legal representative TEST_IDENTITIES[1].
const ORGANIZATION = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: "李四", legal_rep_id_number: "440304198511154563" };
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
  { name: "organization: legal_rep_personal by mobile3, the sign-in phone", type: "organization", method: "legal_rep_personal", child: "mobile3", phone: "sign-in" },
  {
    name: "organization: legal_rep_authorization, the link by SMS, the legal representative by mobile3 on their phone",
    type: "organization",
    method: "legal_rep_authorization",
    child: "mobile3",
    phone: "other",
  },
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
  /** The walk's own requests (not the counting ones: outbox, evidence) and their D1 round trips, where the service says. */
  const trips = [];
  let what = null;
  const fetchAs = async (p, init = {}) => {
    requests += 1;
    const res = await fetch(new URL(p, base), { redirect: "manual", ...init, headers: { "cf-connecting-ip": clientIp, ...init.headers } });
    const text = await res.text();
    if (res.status >= 500) throw new Error(`${walk.name}: ${p} answered ${res.status}: ${text.slice(0, 300)}`);
    const d1 = res.headers.get("x-d1-queries");
    if (what) trips.push({ what, d1: d1 === null ? null : Number(d1) });
    what = null;
    return { res, text };
  };
  /** Names the next request for the per-request list. */
  const as = (name) => {
    what = name;
  };
  const partner = async (p, init = {}) =>
    JSON.parse((await fetchAs(p, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers } })).text);
  const outbox = async (to) => (await partner(`/v1/test_helpers/sms?phone=${to}`)).data;
  const codeIn = (messages) => /验证码为(\d{6})/.exec(messages[0]?.text ?? "")?.[1];

  as("partner: create");
  const v = await partner("/v1/verifications", {
    method: "POST",
    body: JSON.stringify({ type: walk.type ?? "person", methods: [walk.method], options: walk.options ?? {}, redirect_url: "https://partner.example/back" }),
  });
  /** A browser: its own cookies (the sign-in draft, then the applicant's session), htmx's header unless `htmx` is false. */
  const browser = () => {
    const jar = new Map();
    return async (p, init = {}, htmx = true) => {
      const r = await fetchAs(p, { ...init, headers: { ...(htmx ? HTMX : {}), ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {}), ...init.headers } });
      for (const line of r.res.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const at = pair.indexOf("=");
        if (/max-age=0/i.test(line)) jar.delete(pair.slice(0, at));
        else jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return r;
    };
  };
  const postWith =
    (open) =>
    (p, fields, htmx = true) =>
      open(p, { method: "POST", body: new URLSearchParams(fields).toString(), headers: FORM }, htmx);
  const desktop = browser();
  const post = postWith(desktop);
  as("applicant: open the link");
  await desktop(`/v/${v.id}`, {}, false);

  // App authorization with the sign-in phone.
  as("applicant: ask for a code");
  await post(`/v/${v.id}/authorize`, { action: "send_code", phone: signInPhone });
  const signInSentAt = Date.now();
  const code = codeIn(await outbox(signInPhone));
  if (!code) throw new Error(`${walk.name}: no sign-in code`);
  as("applicant: sign in and authorize");
  let page = (await post(`/v/${v.id}/authorize`, { action: "authorize", phone: signInPhone, code, consent: "yes" })).text;

  if (walk.method === "legal_rep_authorization") {
    const phone = browser();
    const counted = await authorizationWalk({ walk, v, page, post, desktop, phone, postOn: postWith(phone), as, outbox, codeIn, legalRepPhone: otherPhone });
    return finish(walk, [v.id, counted.childId], [signInPhone, otherPhone], { waitedMs, requests, trips, partner, outbox });
  }
  if (walk.type === "organization") {
    const counted = await organizationWalk({ walk, v, page, post, desktop, as });
    return finish(walk, [v.id, counted.childId], [signInPhone], { waitedMs, requests, trips, partner, outbox });
  }

  // The method's form. `consent` is the form's own consent where it has one (a field it ignores otherwise).
  const methodPhone = walk.phone === "sign-in" ? signInPhone : otherPhone;
  const fields = { consent: "yes", name: IDENTITY.name, id_number: IDENTITY.idNumber };
  if (walk.method === "bankcard4") fields.card_number = IDENTITY.cardNumber;
  if (walk.method !== "face") fields.phone = methodPhone;
  const beforeForm = walk.method === "face" ? [] : await outbox(methodPhone);
  as("applicant: submit the form");
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
        as("applicant: ask for a new code");
        await post(`/v/${v.id}/methods/${walk.method}/code`, { action: "resend" });
        messages = await outbox(methodPhone);
        if (messages.length === beforeForm.length) throw new Error(`${walk.name}: the resent code did not arrive`);
      }
      as("applicant: submit the code");
      page = (await post(`/v/${v.id}/methods/${walk.method}/code`, { action: "confirm", code: codeIn(messages) })).text;
    } else if (step === "id_photos") {
      const fd = new FormData();
      fd.set("id_front", new Blob([photo()], { type: "image/png" }), "front.png");
      fd.set("id_back", new Blob([photo()], { type: "image/png" }), "back.png");
      as("applicant: upload the ID photos");
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
  const phones = walk.method === "face" || methodPhone === signInPhone ? [signInPhone] : [signInPhone, methodPhone];
  return finish(walk, [v.id], phones, { waitedMs, requests, trips, partner, outbox });
}

/**
 * An organization after sign-in: the organization check, the legal representative acting,
 * legal_rep_personal; then its child, the legal representative's own verification, opened from the
 * organization's page in the same session (a link: a full page load), by `walk.child` with the
 * sign-in phone (name and ID number are the checked ones, fixed: only the consent is sent);
 * then the organization's page again, at its result. Answers the child's id.
 */
async function organizationWalk({ walk, v, page, post, desktop, as }) {
  const expect = (html, step, after) => expectStep(walk, html, step, after);
  expect(page, "org_check", "sign-in");
  as("applicant: the organization check");
  page = expect((await post(`/v/${v.id}/organization/check`, { consent: "yes", ...ORGANIZATION })).text, "operator_role", "the organization check");
  as("applicant: who is acting");
  page = expect((await post(`/v/${v.id}/organization/role`, { role: "legal_representative" })).text, "choose_method", "who is acting");
  as(`applicant: choose ${walk.method}`);
  page = expect((await post(`/v/${v.id}/method`, { method: walk.method })).text, "awaiting_child", `choosing ${walk.method}`);
  const child = /href="(\/v\/ver_[0-9A-Za-z]+)"[^>]*data-child-status/.exec(page)?.[1];
  if (!child) throw new Error(`${walk.name}: no child verification linked`);
  as("applicant: open the legal representative's verification");
  expect((await desktop(child, {}, false)).text, "choose_method", "opening the child");
  as(`applicant: choose ${walk.child} (child)`);
  expect((await post(`${child}/method`, { method: walk.child })).text, "method_form", `choosing ${walk.child}`);
  // Left as it is, the sign-in phone stands for the method's own: no phone field is sent.
  as(`applicant: submit ${walk.child}'s form (child)`);
  const done = expect((await post(`${child}/methods/${walk.child}`, { consent: "yes" })).text, "result", `${walk.child}'s form`);
  if (!done.includes('data-status="verified"')) throw new Error(`${walk.name}: the child did not end verified: ${textOf(done)}`);
  as("applicant: back to the organization");
  const parent = expect((await desktop(`/v/${v.id}`, {}, false)).text, "result", "the child's result");
  if (!parent.includes('data-status="verified"')) throw new Error(`${walk.name}: the organization did not end verified`);
  return { childId: child.split("/").pop() };
}

const expectStep = (walk, html, step, after) => {
  if (stepOf(html) !== step) throw new Error(`${walk.name}: after ${after}, ${stepOf(html)} instead of ${step}: ${textOf(html)}`);
  return html;
};
const locationOf = (r) => r.res.headers.get("location") ?? "";

/**
 * legal_rep_authorization after sign-in: the organization check (its ID number typed, so the phone
 * is not asked for it), an agent acting, the invitation sent by SMS to `legalRepPhone`; then the
 * legal representative's phone, a browser of its own: the link read from the outbox, their own
 * verification by `walk.child` signed in with that phone, the letter, its code and the signature; then the desktop at its result.
 */
async function authorizationWalk({ walk, v, page, post, desktop, phone, postOn, as, outbox, codeIn, legalRepPhone }) {
  expectStep(walk, page, "org_check", "sign-in");
  as("applicant: the organization check");
  page = expectStep(walk, (await post(`/v/${v.id}/organization/check`, { consent: "yes", ...ORGANIZATION })).text, "operator_role", "the organization check");
  as("applicant: who is acting");
  page = expectStep(walk, (await post(`/v/${v.id}/organization/role`, { role: "agent" })).text, "choose_method", "who is acting");
  as(`applicant: choose ${walk.method}`);
  page = expectStep(walk, (await post(`/v/${v.id}/method`, { method: walk.method })).text, "invitation", `choosing ${walk.method}`);
  as("operator: send the link by SMS");
  expectStep(walk, (await post(`/v/${v.id}/invitation/sms`, { action: "send", legal_rep_phone: legalRepPhone })).text, "invitation", "sending the link");
  const link = /(https?:\/\/\S+\/a\/[0-9A-Za-z-]{20,29})/.exec((await outbox(legalRepPhone))[0]?.text ?? "")?.[1];
  if (!link) throw new Error(`${walk.name}: no link in the SMS`);
  as("legal representative: open the link");
  if (locationOf(await phone(link, {}, false)) !== "/a") throw new Error(`${walk.name}: the link did not lead to /a`);
  as("legal representative: the invitation");
  await phone("/a", {}, false);
  as("legal representative: start their own verification");
  const child = locationOf(await postOn("/a/start", {}, false));
  if (!/^\/v\/ver_/.test(child)) throw new Error(`${walk.name}: /a/start led to ${child}`);
  as("legal representative: open their verification");
  expectStep(walk, (await phone(child, {}, false)).text, "authorize", "opening their verification");
  as("legal representative: ask for a sign-in code");
  await postOn(`${child}/authorize`, { action: "send_code", phone: legalRepPhone });
  as("legal representative: sign in and authorize");
  expectStep(
    walk,
    (await postOn(`${child}/authorize`, { action: "authorize", phone: legalRepPhone, code: codeIn(await outbox(legalRepPhone)), consent: "yes" })).text,
    "choose_method",
    "their sign-in",
  );
  as(`legal representative: choose ${walk.child}`);
  expectStep(walk, (await postOn(`${child}/method`, { method: walk.child })).text, "method_form", `choosing ${walk.child}`);
  as(`legal representative: submit ${walk.child}'s form`);
  const done = expectStep(walk, (await postOn(`${child}/methods/${walk.child}`, { consent: "yes" })).text, "result", `${walk.child}'s form`);
  if (!done.includes('data-status="verified"')) throw new Error(`${walk.name}: their verification did not end verified: ${textOf(done)}`);
  as("legal representative: the letter");
  const letter = (await phone("/a", {}, false)).text;
  const shown = /name="letter_sha256" value="([0-9a-f]{64})"/.exec(letter)?.[1];
  if (!shown) throw new Error(`${walk.name}: no letter shown: ${textOf(letter)}`);
  // The sign-in code was entered, so the signing code goes at once (no minute to wait).
  const before = (await outbox(legalRepPhone)).length;
  as("legal representative: ask for the signing code");
  await postOn("/a/sign", { action: "send_code", letter_sha256: shown }, false);
  const messages = await outbox(legalRepPhone);
  if (messages.length === before) throw new Error(`${walk.name}: no signing code arrived`);
  const code = codeIn(messages);
  as("legal representative: sign");
  const signed = await postOn("/a/sign", { action: "sign", code, letter_sha256: shown }, false);
  if (locationOf(signed) !== "/a") throw new Error(`${walk.name}: signing answered ${signed.res.status}: ${textOf(signed.text)}`);
  as("applicant: the organization's page");
  const parent = expectStep(walk, (await desktop(`/v/${v.id}`, {}, false)).text, "result", "the signature");
  if (!parent.includes('data-status="verified"')) throw new Error(`${walk.name}: the organization did not end verified`);
  return { childId: child.split("/").pop() };
}

/** Counts from the verifications' evidence (an organization's and its child's) and the phones' outbox. */
async function finish(walk, ids, phones, { waitedMs, requests, trips, partner, outbox }) {
  const events = [];
  let status = null;
  for (const id of ids) {
    const { jws } = await partner(`/v1/verifications/${id}/evidence`);
    const record = JSON.parse(Buffer.from(jws.split(".")[1], "base64url").toString("utf8"));
    status ??= record.verification.status;
    // Only each record's own events: a parent's record names its child, never repeats its events.
    events.push(...record.events);
  }
  const calls = {};
  for (const e of events.filter((e) => e.type === "provider.call")) calls[e.data.capability] = (calls[e.data.capability] ?? 0) + 1;
  let outboxCount = 0;
  for (const p of phones) outboxCount += (await outbox(p)).length;
  if (status !== "verified") throw new Error(`${walk.name}: the evidence says ${status}`);
  return { status, sms: events.filter((e) => e.type === "sms.sent").length, outbox: outboxCount, calls, waitedSeconds: Math.round(waitedMs / 1000), requests, trips };
}

const textOf = (html) =>
  html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .slice(0, 300);

/** "carrier 1", "bank 1, ocr 2": the calls of a row, in the order the evidence has them. */
export const callsText = (calls) =>
  Object.entries(calls)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "none";

/** "1.8 (max 2)" over the walk's requests, "–" where the service does not count D1 round trips. */
const tripsText = (trips = []) => {
  const d1 = trips.map((t) => t.d1).filter((n) => n !== null);
  if (d1.length === 0) return "–";
  return `${(d1.reduce((a, b) => a + b, 0) / d1.length).toFixed(1)} (max ${Math.max(...d1)}), ${d1.reduce((a, b) => a + b, 0)} in all`;
};

export function renderProviderRows(rows) {
  const organizations = rows.filter((r) => r.type === "organization" && r.trips?.some((t) => t.d1 !== null));
  return [
    "| completed verification | SMS messages (evidence) | SMS received (sandbox outbox) | provider calls | waited for a resend | D1 round trips per request |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.name} | ${r.sms} | ${r.outbox} | ${callsText(r.calls)} | ${r.waitedSeconds ? `${r.waitedSeconds} s` : "–"} | ${tripsText(r.trips)} |`),
    ...organizations.flatMap((r) => ["", `${r.name}, requests in order: ${r.trips.map((t) => `${t.what} (D1 ${t.d1 ?? "–"})`).join("; ")}.`]),
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
