// A method that lives in the tests only: a name and a phone, a pure check (no provider), then the
// shared SMS code step. Registering it is all it takes; nothing in src/ names it.
import { z } from "zod";
import type { MethodDefinition } from "../../../../src/flow/methods";
import { countedReason, SHARED_REASONS, type ReasonCatalogue } from "../../../../src/flow/reasons";
import { hostedBy } from "../../../../src/methods/hosted-by";
import { FIELD_RULES } from "../../../../src/schemas/form-fields";

export const FAKE_METHOD = "fake_two_step";
/** The name the fake check refuses. */
export const FAKE_REFUSED_NAME = "王不符";

const schema = z.object({ name: FIELD_RULES.name, phone: FIELD_RULES.phone });
const reasons = { ...SHARED_REASONS, fake_mismatch: countedReason("fake_mismatch") } as const satisfies ReasonCatalogue<"fake_mismatch" | keyof typeof SHARED_REASONS>;

export const fakeMethod = {
  name: FAKE_METHOD,
  verificationType: "person",
  capabilities: ["sms"],
  messages: {
    "zh-CN": { "method.fake_two_step.title": "测试认证", "method.fake_two_step.need": "姓名和手机号。", "reason.fake_mismatch": "测试核验未通过：姓名不符。" },
    en: { "method.fake_two_step.title": "Fake check", "method.fake_two_step.need": "A name and a phone.", "reason.fake_mismatch": "The fake check did not pass: the name does not match." },
  },
  hosted: hostedBy({
    plan: () => ["form", "sms_code"],
    schema: () => schema,
    check: async (_providers, input) => {
      const calls = [{ capability: "fake", provider: "fake", serial: "fake-1", outcome: input.name === FAKE_REFUSED_NAME ? ("no_match" as const) : ("match" as const) }];
      return input.name === FAKE_REFUSED_NAME ? { kind: "rejected", reason: "fake_mismatch", calls } : { kind: "passed", calls };
    },
    reasons,
    sms: { phoneField: "phone", purpose: "测试认证" },
  }),
} as const satisfies MethodDefinition;
