// Method transfer_forward (正向打款): we pay a random amount under 1 yuan to the organization's
// corporate account; the operator types it back, and sends the authorization letter stamped with
// the organization's seal for a person to review. Both hold: the organization is verified.
import { CORPORATE_ACCOUNT_STEP, TRANSFER_CONFIRMATION_STEP } from "../../domain/transfer/record";
import type { MethodDefinition } from "../../flow/methods";
import { SHARED_REASONS } from "../../flow/reasons";
import { hostedBy, WITHOUT_FORM } from "../hosted-by";
import { TRANSFER_REASONS } from "../transfer-reasons";
import { messages } from "./messages";

export const transferForward = {
  name: "transfer_forward",
  verificationType: "organization",
  operatorRoles: ["legal_representative", "agent"],
  capabilities: ["business_registry", "payout"],
  messages,
  hosted: hostedBy({
    plan: () => [CORPORATE_ACCOUNT_STEP, TRANSFER_CONFIRMATION_STEP],
    // The corporate account step has its own form (src/transfer/account-schema.ts).
    ...WITHOUT_FORM,
    reasons: { ...SHARED_REASONS, ...TRANSFER_REASONS },
  }),
} as const satisfies MethodDefinition<"transfer_forward">;
