// Method transfer_reverse (反向打款): the organization pays ¥0.01 from its own corporate account to
// ours, with this verification's reference; the credit is matched by itself. With the stamped
// letter approved, the organization is verified.
import { TRANSFER_CONFIRMATION_STEP } from "../../domain/transfer/record";
import type { MethodDefinition } from "../../flow/methods";
import { SHARED_REASONS } from "../../flow/reasons";
import { hostedBy, WITHOUT_FORM } from "../hosted-by";
import { TRANSFER_REASONS } from "../transfer-reasons";
import { messages } from "./messages";

export const transferReverse = {
  name: "transfer_reverse",
  verificationType: "organization",
  operatorRoles: ["legal_representative", "agent"],
  capabilities: ["business_registry", "collection"],
  messages,
  hosted: hostedBy({
    plan: () => [TRANSFER_CONFIRMATION_STEP],
    ...WITHOUT_FORM,
    reasons: { ...SHARED_REASONS, ...TRANSFER_REASONS },
  }),
} as const satisfies MethodDefinition<"transfer_reverse">;
