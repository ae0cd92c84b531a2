// Method bank card 4-element (银行卡认证): name, ID number, bank card and the bank-reserved phone,
// checked with the bank, then an SMS code to that phone. The partner may add the Beijing variant:
// the ID card's validity dates on the form, and photos of both sides after the code, read by OCR
// (the Beijing guide's order: bank account, phone check, ID card images, result).
import type { Providers } from "../../providers/select";
import type { FieldName } from "../fields";
import { singleCheck } from "../provider-call";
import type { Collected, CheckResult, VerificationMethod, VerificationOptions } from "../method";
import { checkIdCardPhotos } from "./id-card-photos";

function fields(options: VerificationOptions): FieldName[] {
  return [
    "name",
    "id_number",
    ...(options.collect_id_validity ? (["valid_from", "valid_to"] as const) : []),
    "card_number",
    "phone",
  ];
}

async function check(providers: Providers, input: Collected): Promise<CheckResult> {
  return singleCheck("bank", await providers.bank.check({ name: input.name, idNumber: input.idNumber, cardNumber: input.cardNumber!, phone: input.phone! }));
}

export const bankcard4 = {
  name: "bankcard4",
  verificationType: "person",
  capabilities: ["bank", "sms", "ocr"],
  person: { fields, check, then: "sms_code", idPhotosAfterCode: (options) => !!options.collect_id_images, checkIdPhotos: checkIdCardPhotos },
} as const satisfies VerificationMethod<"bankcard4">;
