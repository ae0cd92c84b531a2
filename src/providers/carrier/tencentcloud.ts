// The carrier 3-element check through Tencent Cloud FaceID `PhoneVerification` (2018-03-01), in
// the detailed mode, which says which element disagreed; it is priced above the simple mode.
// Each documented Result code is mapped below. It must never log the name, ID number or phone.
import { z } from "zod";
import { unavailable } from "../answer";
import { callTencentCloud, TENCENTCLOUD_PROVIDER, type TencentCloudSettings } from "../tencentcloud/client";
import { answerFor, MATCH, noMatch, UNAVAILABLE, type ResultRule } from "../tencentcloud/result-codes";
import type { CarrierProvider, CarrierReason } from "./index";

// "1" is the detailed mode: without it code -4 cannot tell a wrong phone from a wrong name.
const VERIFY_MODE_DETAILED = "1";

export const PHONE_VERIFICATION_RESULTS: Readonly<Record<string, ResultRule<CarrierReason>>> = {
  "0": MATCH, // all three agree
  "-4": noMatch("phone_not_registered_to_id"), // refined by ResultDetail below
  "-6": noMatch("phone_not_registered_to_id"), // not a possible mobile number
  "-7": noMatch("name_id_mismatch"), // not a possible ID number
  "-8": noMatch("name_id_mismatch"), // not a possible name
  "-9": noMatch("phone_not_registered_to_id"), // the carrier has no record of the number
  "-11": UNAVAILABLE, // verification centre busy
  "-12": UNAVAILABLE, // daily quota for this account reached
};

// With code -4, only a name/ID disagreement is the applicant's identity rather than the phone:
// PhoneIdCardMismatch, PhoneNameMismatch, PhoneNameIdCardMismatch and OtherMismatch all mean
// the phone is not registered to the person described.
const NAME_ID_DETAIL = "NameIdCardMismatch";

const resultSchema = z.object({ Result: z.string(), ResultDetail: z.string().nullish() });

export function tencentCloudCarrier(settings: TencentCloudSettings): CarrierProvider {
  return {
    async check({ name, idNumber, phone }) {
      const reply = await callTencentCloud({
        ...settings,
        service: "faceid",
        action: "PhoneVerification",
        version: "2018-03-01",
        payload: { IdCard: idNumber, Name: name, Phone: phone, VerifyMode: VERIFY_MODE_DETAILED },
      });
      if (reply.outcome === "unavailable") return reply;
      if (reply.error) return unavailable(TENCENTCLOUD_PROVIDER, reply.error.code);
      const parsed = resultSchema.safeParse(reply.body);
      if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
      const { Result, ResultDetail } = parsed.data;
      const rule = Result === "-4" && ResultDetail === NAME_ID_DETAIL ? noMatch("name_id_mismatch") : PHONE_VERIFICATION_RESULTS[Result];
      return answerFor(rule, reply.requestId, Result);
    },
  };
}
