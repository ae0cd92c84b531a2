import { describe, expect, it } from "vitest";
import { authorizationStatus } from "../../../../src/domain/authorization/record";
import type { FlowState } from "../../../../src/domain/flow/state";

const NOW = 1_800_000_000_000;
const plan = ["invitation", "signature"];
const at = (step: string, data?: Record<string, string>): FlowState => ({ kind: "step", method: "legal_rep_authorization", step, plan, ...(data ? { data } : {}) });
const record = { invitationId: "INV", expiresAt: NOW + 60_000 };

describe("where a legal representative's authorization stands", () => {
  it.each([
    ["no record: never asked", at("invitation"), null, null],
    ["the link made, nothing sent", at("invitation"), record, "not_sent"],
    ["the link sent by SMS", at("invitation"), { ...record, sentAt: NOW }, "sent"],
    ["opened", at("invitation"), { ...record, sentAt: NOW, openedAt: NOW }, "opened"],
    ["their own verification under way", at("invitation", { child_id: "ver_c" }), { ...record, openedAt: NOW }, "verifying"],
    ["their own verification failed", at("invitation", { child_id: "ver_c", child_outcome: "failed" }), record, "declined"],
    ["verified, to sign", at("signature"), record, "signing"],
    ["signed", { kind: "verified", method: "legal_rep_authorization" }, { ...record, signedAt: NOW }, "signed"],
    ["declined", at("invitation"), { ...record, declinedAt: NOW }, "declined"],
    ["past its 7 days", at("invitation"), { ...record, expiresAt: NOW }, "expired"],
    ["another method chosen", { kind: "step", method: "transfer_forward", step: "form", plan: ["form"] }, record, "expired"],
    ["the verification canceled", { kind: "canceled", method: "legal_rep_authorization", at: "invitation" }, record, "expired"],
  ] as const)("%s", (_name, state, rec, status) => {
    expect(authorizationStatus(state as FlowState, rec, NOW)).toBe(status);
  });
});
