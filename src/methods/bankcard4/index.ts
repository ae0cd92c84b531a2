// Method bank card 4-element (银行卡认证): name, ID number, bank card and the bank-reserved phone,
// checked with the bank, then an SMS code to that phone. The partner may add the Beijing variant:
// the ID card's validity dates on the form, and photos of both sides after the code, read by OCR
// (the Beijing guide's order: bank account, phone check, ID card images, result).
import type { MethodDefinition } from "../../flow/methods";
import { hostedBy } from "../hosted-by";
import { singleCheck } from "../provider-call";
import { checkValidity } from "../../domain/validators/card-date";
import { checkIdCardPhotos } from "./id-card-photos";
import { messages } from "./messages";
import { bankcard4Reasons } from "./reasons";
import { bankcard4Schema } from "./schema";

export const bankcard4 = {
  name: "bankcard4",
  verificationType: "person",
  capabilities: ["bank", "sms", "ocr"],
  messages,
  hosted: hostedBy({
    plan: (options) => (options.collect_id_images ? ["form", "sms_code", "id_photos"] : ["form", "sms_code"]),
    schema: bankcard4Schema,
    check: async (providers, input) => singleCheck("bank", await providers.bank.check({ name: input.name, idNumber: input.id_number, cardNumber: input.card_number, phone: input.phone })),
    reasons: bankcard4Reasons,
    // Dates in the wrong order, or a card already expired, are told at the form, not after the
    // bank and the SMS code at the photo step, where they would cost a try.
    refine: (input, today): Record<string, string> => {
      if (!("valid_from" in input)) return {};
      const problem = checkValidity(input.valid_from, input.valid_to, today);
      return problem ? { valid_to: problem } : {};
    },
    sms: { phoneField: "phone", purpose: "银行卡实名认证" },
    hints: { phone: "method.bankcard4.phone_hint" },
    formNote: "banks",
    idPhotos: { check: (providers, input, photos, options) => checkIdCardPhotos(providers, input, photos, !!options.collect_id_validity) },
  }),
} as const satisfies MethodDefinition<"bankcard4">;
