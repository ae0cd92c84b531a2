// A parent method for the tests: it is made of one step that waits on a child person
// verification (by the fake method) in the legal representative's role.
import { z } from "zod";
import type { MethodDefinition } from "../../../../src/flow/methods";
import { SHARED_REASONS } from "../../../../src/flow/reasons";
import { hostedBy } from "../../../../src/methods/hosted-by";
import { FAKE_METHOD } from "../fake-method";

export const FAKE_PARENT = "fake_parent";

export const fakeParent = {
  name: FAKE_PARENT,
  verificationType: "organization",
  operatorRoles: ["legal_representative"],
  capabilities: [],
  messages: { "zh-CN": { "method.fake_parent.title": "测试父认证" }, en: { "method.fake_parent.title": "Fake parent" } },
  hosted: hostedBy({
    plan: () => ["awaiting_child"],
    schema: () => z.object({}),
    check: async () => ({ kind: "passed", calls: [] }),
    reasons: SHARED_REASONS,
    child: { role: "legal_representative", methods: [FAKE_METHOD] },
  }),
} as const satisfies MethodDefinition;
