// What one completed verification costs in SMS messages and provider calls, read from its
// evidence as the partner gets it (its sms.sent and provider.call events): the figures
// `npm run bench` reports per method. mobile3 with the sign-in phone costs one SMS (the sign-in
// code) and one carrier check; another phone gets its own code.
import { describe, expect, it } from "vitest";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, latestCode, uniquePhone } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";

const identity = TEST_IDENTITIES[0];

interface EvidenceEvent {
  type: string;
  data: Record<string, unknown>;
}

/** The verification's status, SMS messages sent and provider calls by capability, from its evidence record. */
async function usage(testKey: string, id: string) {
  const { json } = await call(`/v1/verifications/${id}/evidence`, { key: testKey });
  const payload = (json.jws as string).split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/");
  const record = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  const events = record.events as EvidenceEvent[];
  const calls: Record<string, number> = {};
  for (const e of events.filter((e) => e.type === "provider.call")) calls[String(e.data.capability)] = (calls[String(e.data.capability)] ?? 0) + 1;
  return { status: record.verification.status as string, sms: events.filter((e) => e.type === "sms.sent").length, calls };
}

async function smsTo(testKey: string, phone: string): Promise<number> {
  return (await call(`/v1/test_helpers/sms?phone=${phone}`, { key: testKey })).json.data.length;
}

async function signedInMobile3() {
  const { testKey } = await newPartner();
  const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
  const a = new Applicant(v.id);
  const phone = uniquePhone();
  await a.signIn(testKey, phone);
  return { testKey, v, a, phone };
}

describe("SMS messages and provider calls per completed verification, from the evidence", () => {
  it("should cost mobile3 with the sign-in phone one SMS and one carrier check", async () => {
    const { testKey, v, a, phone } = await signedInMobile3();
    const done = await a.post("/methods/mobile3", { consent: "yes", name: identity.name, id_number: identity.idNumber, phone });
    expect(done.step).toBe("result");
    expect(await usage(testKey, v.id)).toEqual({ status: "verified", sms: 1, calls: { carrier: 1 } });
    // The sandbox's outbox agrees: the phone received the sign-in code and nothing more.
    expect(await smsTo(testKey, phone)).toBe(1);
  });

  it("should cost mobile3 with another phone two SMS (sign-in and the method's code) and one carrier check", async () => {
    const { testKey, v, a, phone } = await signedInMobile3();
    const other = uniquePhone();
    const code = await a.post("/methods/mobile3", { consent: "yes", name: identity.name, id_number: identity.idNumber, phone: other });
    expect(code.step).toBe("code");
    const done = await a.post("/methods/mobile3/code", { action: "confirm", code: await latestCode(testKey, other) });
    expect(done.step).toBe("result");
    expect(await usage(testKey, v.id)).toEqual({ status: "verified", sms: 2, calls: { carrier: 1 } });
    expect([await smsTo(testKey, phone), await smsTo(testKey, other)]).toEqual([1, 1]);
  });
});
