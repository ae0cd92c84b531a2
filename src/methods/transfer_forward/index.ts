// Method transfer_forward (正向打款): we pay a random amount under 1 yuan to the organization's
// corporate account; the operator types it back, and sends the authorization letter stamped with
// the organization's seal for a person to review. Both hold: the organization is verified.
import { CORPORATE_ACCOUNT_STEP, TRANSFER_CONFIRMATION_STEP } from "../../domain/transfer/record";
import type { MethodDefinition } from "../../flow/methods";
import { SHARED_REASONS } from "../../flow/reasons";
import { hostedBy } from "../hosted-by";
import { TRANSFER_REASONS } from "../transfer-reasons";
import { messages } from "./messages";
import { z } from "zod";

export const transferForward = {
  name: "transfer_forward",
  verificationType: "organization",
  operatorRoles: ["legal_representative", "agent"],
  capabilities: ["business_registry", "payout"],
  messages,
  hosted: hostedBy({
    plan: () => [CORPORATE_ACCOUNT_STEP, TRANSFER_CONFIRMATION_STEP],
    // Its form is the corporate account step's own (src/transfer/account-schema.ts), not a method form.
    schema: () => z.object({}),
    check: async () => ({ kind: "passed", calls: [] }),
    reasons: { ...SHARED_REASONS, ...TRANSFER_REASONS },
  }),
} as const satisfies MethodDefinition<"transfer_forward">;
