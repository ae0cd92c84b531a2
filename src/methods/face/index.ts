// Method face (人脸识别): name + ID number checked with the identity registry (2-element) on the
// desktop, then liveness and face comparison happen on a phone.
import type { Providers } from "../../providers/select";
import { singleCheck } from "../provider-call";
import type { Collected, CheckResult, VerificationMethod } from "../method";

async function check(providers: Providers, input: Collected): Promise<CheckResult> {
  return singleCheck("identity", await providers.identity.check({ name: input.name, idNumber: input.idNumber }));
}

export const face = {
  name: "face",
  verificationType: "person",
  capabilities: ["identity", "face"],
  person: { fields: () => ["name", "id_number"], check, then: "phone_handoff" },
} as const satisfies VerificationMethod<"face">;
