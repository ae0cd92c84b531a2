// The bank 4-element check through Tencent Cloud FaceID `BankCard4EVerification` (2018-03-01).
// Each documented Result code is mapped below; anything else is unavailable, never a match.
// It must never log the card number, phone, name or ID number it sends.
import { z } from "zod";
import { unavailable } from "../answer";
import { callTencentCloud, TENCENTCLOUD_PROVIDER, type TencentCloudSettings } from "../tencentcloud/client";
import { answerFor, MATCH, noMatch, UNAVAILABLE, type ResultRule } from "../tencentcloud/result-codes";
import type { BankProvider, BankReason } from "./index";

const notSupported = noMatch<BankReason>("card_not_supported");

// -1 is the bank's plain "does not match": the card exists and is usable, so what most often
// disagrees is the phone the bank holds. The card states (-7 to -17) all mean this card cannot
// be used to verify anyone, whoever holds it.
export const BANK_CARD_4E_RESULTS: Readonly<Record<string, ResultRule<BankReason>>> = {
  "0": MATCH,
  "-1": noMatch("card_phone_mismatch"),
  "-2": noMatch("name_id_mismatch"), // not a possible name
  "-3": noMatch("name_id_mismatch"), // not a possible ID number
  "-4": notSupported, // not a possible card number
  "-5": noMatch("card_phone_mismatch"), // not a possible mobile number
  "-6": noMatch("name_id_mismatch"), // cardholder details wrong
  "-7": notSupported, // card-not-present payments not enabled
  "-8": notSupported, // card confiscated
  "-9": notSupported, // invalid card
  "-10": notSupported, // no issuing bank for the card
  "-11": notSupported, // card not activated or dormant
  "-12": notSupported, // card flagged as fraudulent or retained
  "-13": notSupported, // card reported lost
  "-14": notSupported, // card expired
  "-15": notSupported, // restricted card
  "-16": notSupported, // too many wrong PINs
  "-17": notSupported, // issuer does not support this check
  "-18": UNAVAILABLE, // verification centre busy
  "-19": UNAVAILABLE, // daily quota reached
  "-20": notSupported, // only second-generation resident ID cards can be checked against a card
};

const resultSchema = z.object({ Result: z.string() });

export function tencentCloudBank(settings: TencentCloudSettings): BankProvider {
  return {
    async check({ name, idNumber, cardNumber, phone }) {
      const reply = await callTencentCloud({
        ...settings,
        service: "faceid",
        action: "BankCard4EVerification",
        version: "2018-03-01",
        // CertType 0: a resident ID card, the only document the vendor checks.
        payload: { Name: name, BankCard: cardNumber, Phone: phone, IdCard: idNumber, CertType: 0 },
      });
      if (reply.outcome === "unavailable") return reply;
      if (reply.error) return unavailable(TENCENTCLOUD_PROVIDER, reply.error.code);
      const parsed = resultSchema.safeParse(reply.body);
      if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
      return answerFor(BANK_CARD_4E_RESULTS[parsed.data.Result], reply.requestId, parsed.data.Result);
    },
  };
}
