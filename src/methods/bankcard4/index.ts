// Method bank card 4-element (银行卡认证): name, ID number, bank card and the bank-reserved phone, checked with the bank, then an SMS code.
import type { VerificationMethod } from "../method";

export const bankcard4 = {
  name: "bankcard4",
  verificationType: "person",
  capabilities: ["bank", "sms", "ocr"],
  available: true,
} as const satisfies VerificationMethod<"bankcard4">;
