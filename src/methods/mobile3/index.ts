// Method mobile 3-element (手机号认证): name, ID number and a phone registered to that ID,
// checked with the carrier, then an SMS code to that phone proves the applicant holds it.
import type { Providers } from "../../providers/select";
import { singleCheck } from "../provider-call";
import type { Collected, CheckResult, VerificationMethod } from "../method";

async function check(providers: Providers, input: Collected): Promise<CheckResult> {
  return singleCheck("carrier", await providers.carrier.check({ name: input.name, idNumber: input.idNumber, phone: input.phone! }));
}

export const mobile3 = {
  name: "mobile3",
  verificationType: "person",
  capabilities: ["carrier", "sms"],
  person: { fields: () => ["name", "id_number", "phone"], check, then: "sms_code" },
} as const satisfies VerificationMethod<"mobile3">;
