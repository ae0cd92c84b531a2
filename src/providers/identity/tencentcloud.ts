// The identity registry through Tencent Cloud FaceID `IdCardVerification` (2018-03-01). The table
// below maps each Result code the vendor documents; anything else is unavailable, never a match.
// It must never log the name or ID number it sends.
import { z } from "zod";
import { unavailable } from "../answer";
import { callTencentCloud, TENCENTCLOUD_PROVIDER, type TencentCloudSettings } from "../tencentcloud/client";
import { answerFor, MATCH, noMatch, UNAVAILABLE, type ResultRule } from "../tencentcloud/result-codes";
import type { IdentityProvider, IdentityReason } from "./index";

// Codes -2 and -3 mean the vendor rejected the format. Our validators ran first, so what is left
// is a number that cannot exist or a name the registry cannot hold: a no_match, not an outage.
// There is no documented code for an expired card, so this adapter never answers id_expired.
export const ID_CARD_VERIFICATION_RESULTS: Readonly<Record<string, ResultRule<IdentityReason>>> = {
  "0": MATCH, // name and ID number agree
  "-1": noMatch("name_id_mismatch"),
  "-2": noMatch("id_not_found"), // not a possible ID number
  "-3": noMatch("name_id_mismatch"), // not a possible name
  "-4": UNAVAILABLE, // registry service error
  "-5": noMatch("id_not_found"), // no such ID number in the registry
  "-6": UNAVAILABLE, // registry upgrading
  "-7": UNAVAILABLE, // daily quota for this account reached
};

const resultSchema = z.object({ Result: z.string() });

export function tencentCloudIdentity(settings: TencentCloudSettings): IdentityProvider {
  return {
    async check({ name, idNumber }) {
      const reply = await callTencentCloud({
        ...settings,
        service: "faceid",
        action: "IdCardVerification",
        version: "2018-03-01",
        payload: { IdCard: idNumber, Name: name },
      });
      if (reply.outcome === "unavailable") return reply;
      if (reply.error) return unavailable(TENCENTCLOUD_PROVIDER, reply.error.code);
      const parsed = resultSchema.safeParse(reply.body);
      if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
      return answerFor(ID_CARD_VERIFICATION_RESULTS[parsed.data.Result], reply.requestId, parsed.data.Result);
    },
  };
}
