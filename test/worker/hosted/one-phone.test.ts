// One phone, one code: the phone proven at sign-in a moment ago needs no second code.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dataCipher } from "../../../src/crypto/data-key";
import { applicantIdFor } from "../../../src/flow/applicant";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { provenAtSignIn } from "../../../src/steps/sms-code";
import { Applicant, latestCode, uniquePhone } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";

const identity = TEST_IDENTITIES[0];

async function signedIn(body: Record<string, unknown>) {
  const { testKey } = await newPartner();
  const v = await newVerification(testKey, { type: "person", ...body });
  const a = new Applicant(v.id);
  const phone = uniquePhone();
  await a.signIn(testKey, phone);
  return { testKey, v, a, phone };
}

async function smsCount(testKey: string, phone: string) {
  return (await call(`/v1/test_helpers/sms?phone=${phone}`, { key: testKey })).json.data.length as number;
}

async function eventTypes(id: string) {
  const rows = await env.DB.prepare("select type, data from verification_events where verification_id = ? order by created_at, rowid").bind(id).all<{ type: string; data: string }>();
  return rows.results;
}

describe("the sign-in phone used again by the method", () => {
  it("should verify mobile3 with the sign-in phone without a second code, naming the sign-in as the proof", async () => {
    const { testKey, v, a, phone } = await signedIn({ methods: ["mobile3"] });
    const done = await a.post("/methods/mobile3", { consent: "yes", name: identity.name, id_number: identity.idNumber, phone });
    expect(done.step).toBe("result");
    expect(done.html).toContain('data-status="verified"');
    expect(await smsCount(testKey, phone)).toBe(1);
    const events = await eventTypes(v.id);
    expect(events.map((e) => e.type).slice(-5)).toEqual(["verification.start", "provider.call", "method.checks_passed", "method.phone_proven", "verification.verify"]);
    expect(events.filter((e) => e.type === "sms.sent")).toHaveLength(1);
    expect(JSON.parse(events.find((e) => e.type === "method.phone_proven")!.data)).toMatchObject({ method: "mobile3", by: "app_authorization" });
    const evidence = await call(`/v1/verifications/${v.id}/evidence`, { key: testKey });
    const record = atob(evidence.json.jws.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"));
    expect(record).toContain("method.phone_proven");
  });

  it("should still send a code to a phone other than the sign-in one", async () => {
    const { testKey, a } = await signedIn({ methods: ["mobile3"] });
    const other = uniquePhone();
    const page = await a.post("/methods/mobile3", { consent: "yes", name: identity.name, id_number: identity.idNumber, phone: other });
    expect(page.step).toBe("code");
    expect(await latestCode(testKey, other)).toMatch(/^\d{6}$/);
  });

  it("should go straight on to the ID photos for bankcard4 with the sign-in phone", async () => {
    const { testKey, a, phone } = await signedIn({ methods: ["bankcard4"], options: { collect_id_images: true } });
    const page = await a.post("/methods/bankcard4", { consent: "yes", name: identity.name, id_number: identity.idNumber, card_number: identity.cardNumber, phone });
    expect(page.step).toBe("id_photos");
    expect(await smsCount(testKey, phone)).toBe(1);
  });

  it("should take the sign-in as proof only for the same phone and account, within 30 minutes", async () => {
    const cipher = await dataCipher(env.DATA_KEY!);
    const phone = uniquePhone();
    const applicantId = await applicantIdFor(cipher, phone);
    const now = Date.now();
    const row = { applicantId } as Parameters<typeof provenAtSignIn>[1];
    const session = { verificationId: "ver_x", applicantId, signedInAt: now - 29 * 60_000 };
    expect(await provenAtSignIn({ now, cipher }, row, session, phone)).toBe(true);
    expect(await provenAtSignIn({ now, cipher }, row, { ...session, signedInAt: now - 31 * 60_000 }, phone)).toBe(false);
    expect(await provenAtSignIn({ now, cipher }, row, session, uniquePhone())).toBe(false);
    expect(await provenAtSignIn({ now, cipher }, { ...row, applicantId: "app_other" }, session, phone)).toBe(false);
  });

  it("should sign out a browser whose sign-in time was tampered with", async () => {
    const { testKey, a, phone } = await signedIn({ methods: ["mobile3"] });
    const cookie = [...a.cookies].find(([k]) => k.startsWith("sm_applicant"))!;
    // vid.applicant.expires.signedInAt.<sealed phone>.tag: only the time is changed.
    const parts = cookie[1].split(".");
    parts[3] = String(Number(parts[3]) - 31 * 60_000);
    a.cookies.set(cookie[0], parts.join("."));
    // A forged time breaks the MAC: the applicant is signed out, which is the safe answer.
    expect((await a.open()).step).toBe("authorize");
    expect(await smsCount(testKey, phone)).toBe(1);
  });
});
