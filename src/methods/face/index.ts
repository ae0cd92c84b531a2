// Method face (人脸识别): name + ID number checked with the identity registry (2-element) on the
// desktop (or, for legal_rep_quick, on the phone first), then liveness and face comparison on a
// phone (its browser, or Alipay).
import type { MethodDefinition } from "../../flow/methods";
import { hostedBy } from "../hosted-by";
import { singleCheck } from "../provider-call";
import { messages } from "./messages";
import { faceReasons } from "./reasons";
import { faceInput } from "./schema";

export const face = {
  name: "face",
  verificationType: "person",
  capabilities: ["identity", "face"],
  messages,
  hosted: hostedBy({
    // A legal representative's quick check (legal_rep_quick) fills the form on the phone, inside the handoff.
    plan: (options) => (options.form_on_phone ? ["handoff"] : ["form", "handoff"]),
    schema: () => faceInput,
    check: async (providers, input) => singleCheck("identity", await providers.identity.check({ name: input.name, idNumber: input.id_number })),
    reasons: faceReasons,
  }),
} as const satisfies MethodDefinition<"face">;
