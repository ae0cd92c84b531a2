// Method legal_rep_personal (法定代表人认证): the operator, being the legal representative,
// completes a person verification by the person methods, unchanged: a child verification of
// this one, whose name (and ID number, after a 4-element check) is the legal representative's as
// the business registry checked it. The child verified, the organization is.
import type { MethodDefinition } from "../../flow/methods";
import { SHARED_REASONS } from "../../flow/reasons";
import { hostedBy } from "../hosted-by";
import { messages } from "./messages";
import { legalRepAsPerson } from "../legal-rep";
import { z } from "zod";

/** The person methods the legal representative may use here, in the order offered. */
export const LEGAL_REP_PERSON_METHODS = ["face", "mobile3"] as const;

export const legalRepPersonal = {
  name: "legal_rep_personal",
  verificationType: "organization",
  operatorRoles: ["legal_representative"],
  capabilities: ["business_registry", "identity", "face", "carrier", "sms"],
  messages,
  hosted: hostedBy({
    plan: () => ["awaiting_child"],
    schema: () => z.object({}),
    // The method has no form of its own: its check is its child's.
    check: async () => ({ kind: "passed", calls: [] }),
    reasons: SHARED_REASONS,
    child: {
      role: "legal_representative",
      methods: LEGAL_REP_PERSON_METHODS,
      person: legalRepAsPerson,
    },
  }),
} as const satisfies MethodDefinition<"legal_rep_personal">;
