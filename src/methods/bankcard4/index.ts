// Method bank card 4-element (银行卡认证): name, ID number, bank card and the bank-reserved phone,
// checked with the bank, then an SMS code to that phone. The partner may add the Beijing variant:
// the ID card's validity dates and photos of both sides, read by OCR.
import type { Providers } from "../../providers/select";
import type { FieldName } from "../fields";
import { providerCall } from "../provider-call";
import type { Collected, CheckResult, VerificationMethod, VerificationOptions } from "../method";
import { checkIdCardPhotos } from "./id-card-photos";

function fields(options: VerificationOptions): FieldName[] {
  return [
    "name",
    "id_number",
    ...(options.collect_id_validity ? (["valid_from", "valid_to"] as const) : []),
    "card_number",
    "phone",
    ...(options.collect_id_images ? (["id_front", "id_back"] as const) : []),
  ];
}

async function check(providers: Providers, input: Collected, options: VerificationOptions): Promise<CheckResult> {
  const answer = await providers.bank.check({ name: input.name, idNumber: input.idNumber, cardNumber: input.cardNumber!, phone: input.phone! });
  const bankCall = providerCall("bank", answer);
  if (answer.outcome === "unavailable") return { kind: "unavailable", calls: [bankCall] };
  if (answer.outcome === "no_match") return { kind: "rejected", reason: answer.reason, calls: [bankCall] };
  if (!options.collect_id_images) return { kind: "passed", calls: [bankCall] };
  const photos = await checkIdCardPhotos(providers, input, !!options.collect_id_validity);
  return { ...photos, calls: [bankCall, ...photos.calls] };
}

export const bankcard4 = {
  name: "bankcard4",
  verificationType: "person",
  capabilities: ["bank", "sms", "ocr"],
  person: { fields, check, then: "sms_code" },
} as const satisfies VerificationMethod<"bankcard4">;
