// Method legal_rep_quick (法人快捷认证): the desktop shows a QR code at once; the legal
// representative scans it and, on the phone, confirms who they are (typing the ID number when the
// organization check did not have it, checked with the identity registry) and does the face
// check. It is a child person verification by face, unchanged but for where its form is filled,
// with the checked legal representative fixed; the child verified, the organization is.
import type { MethodDefinition } from "../../flow/methods";
import { SHARED_REASONS } from "../../flow/reasons";
import { hostedBy } from "../hosted-by";
import { legalRepAsPerson } from "../legal-rep";
import { messages } from "./messages";
import { z } from "zod";

export const legalRepQuick = {
  name: "legal_rep_quick",
  verificationType: "organization",
  operatorRoles: ["legal_representative"],
  capabilities: ["business_registry", "identity", "face"],
  messages,
  hosted: hostedBy({
    plan: () => ["awaiting_child"],
    schema: () => z.object({}),
    check: async () => ({ kind: "passed", calls: [] }),
    reasons: SHARED_REASONS,
    child: { role: "legal_representative", methods: ["face"], person: legalRepAsPerson, options: { form_on_phone: true }, embedded: true },
  }),
} as const satisfies MethodDefinition<"legal_rep_quick">;
