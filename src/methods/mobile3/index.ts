// Method mobile 3-element (手机号认证): name, ID number and a phone registered to that ID,
// checked with the carrier, then an SMS code to that phone proves the applicant holds it.
import type { Providers } from "../../providers/select";
import { providerCall } from "../provider-call";
import type { Collected, CheckResult, VerificationMethod } from "../method";

async function check(providers: Providers, input: Collected): Promise<CheckResult> {
  const answer = await providers.carrier.check({ name: input.name, idNumber: input.idNumber, phone: input.phone! });
  const calls = [providerCall("carrier", answer)];
  if (answer.outcome === "unavailable") return { kind: "unavailable", calls };
  if (answer.outcome === "no_match") return { kind: "rejected", reason: answer.reason, calls };
  return { kind: "passed", calls };
}

export const mobile3 = {
  name: "mobile3",
  verificationType: "person",
  capabilities: ["carrier", "sms"],
  person: { fields: () => ["name", "id_number", "phone"], check, then: "sms_code" },
} as const satisfies VerificationMethod<"mobile3">;
