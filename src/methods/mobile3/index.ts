// Method mobile 3-element (手机号认证): name, ID number and a phone registered to that ID,
// checked with the carrier, then an SMS code to that phone proves the applicant holds it.
import type { MethodDefinition } from "../../flow/methods";
import { singleCheck } from "../provider-call";
import { hostedBy } from "../hosted-by";
import { messages } from "./messages";
import { mobile3Reasons } from "./reasons";
import { mobile3Input } from "./schema";

export const mobile3 = {
  name: "mobile3",
  verificationType: "person",
  capabilities: ["carrier", "sms"],
  messages,
  hosted: hostedBy({
    plan: () => ["form", "sms_code"],
    schema: () => mobile3Input,
    check: async (providers, input) => singleCheck("carrier", await providers.carrier.check({ name: input.name, idNumber: input.id_number, phone: input.phone })),
    reasons: mobile3Reasons,
    sms: { phoneField: "phone", purpose: "手机号实名认证" },
    hints: { phone: "method.mobile3.phone_hint" },
  }),
} as const satisfies MethodDefinition<"mobile3">;
