import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { database } from "../../../src/db/client";
import { guardedConsentInsert } from "../../../src/db/consents";
import { getVerificationForApplicant, updateVerification } from "../../../src/db/verifications";
import { newPartner, newVerification } from "../helpers";

const consent = (id: string, verificationId: string) => ({
  id,
  verificationId,
  applicantId: "app_x",
  kind: "app_authorization",
  textVersion: "2026-11-01",
  textHash: "h".repeat(64),
  ipEnc: "v1.x",
  userAgent: "test",
  createdAt: Date.now(),
});

describe("consents written with a verification change", () => {
  it("should be written when the change wins and not when it loses its version check", async () => {
    const db = database(env.DB);
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const row = (await getVerificationForApplicant(db, v.id))!;
    const won = await updateVerification(db, row, { updatedAt: Date.now() }, { type: "applicant.authorized", actor: "applicant" }, (guard) => [
      guardedConsentInsert(db, consent("cns_won", v.id), guard),
    ]);
    const lost = await updateVerification(db, row, { updatedAt: Date.now() }, { type: "applicant.authorized", actor: "applicant" }, (guard) => [
      guardedConsentInsert(db, consent("cns_lost", v.id), guard),
    ]);
    expect([won, lost]).toEqual([true, false]);
    const ids = await env.DB.prepare("select id from consents where verification_id = ?").bind(v.id).all<{ id: string }>();
    expect(ids.results.map((r) => r.id)).toEqual(["cns_won"]);
  });
});
