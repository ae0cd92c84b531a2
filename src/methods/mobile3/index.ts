// Method mobile 3-element (手机号认证): name, ID number and a phone registered to that ID, checked with the carrier, then an SMS code.
import type { VerificationMethod } from "../method";

export const mobile3 = {
  name: "mobile3",
  verificationType: "person",
  capabilities: ["carrier", "sms"],
  available: true,
} as const satisfies VerificationMethod<"mobile3">;
