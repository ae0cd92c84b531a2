// Method legal_rep_authorization (法人授权认证): an operator who is not the legal representative
// invites them by QR code or SMS link (the invitation step); on their own phone the legal
// representative verifies as a person (a child verification by face or mobile3, unchanged, with
// the checked legal representative fixed) and then signs the authorization letter with an SMS
// code (the signature step). Signed, the organization is verified; declined, the operator may ask
// again or choose another method.
import { AUTHORIZATION_METHOD, INVITATION_STEP, SIGNATURE_STEP } from "../../domain/authorization/record";
import type { MethodDefinition } from "../../flow/methods";
import { SHARED_REASONS } from "../../flow/reasons";
import { hostedBy, WITHOUT_FORM } from "../hosted-by";
import { legalRepAsPerson } from "../legal-rep";
import { LEGAL_REP_PERSON_METHODS } from "../legal_rep_personal";
import { messages } from "./messages";
import { AUTHORIZATION_REASONS } from "./reasons";

export const legalRepAuthorization = {
  name: AUTHORIZATION_METHOD,
  verificationType: "organization",
  operatorRoles: ["agent"],
  capabilities: ["business_registry", "identity", "face", "carrier", "sms"],
  messages,
  hosted: hostedBy({
    plan: () => [INVITATION_STEP, SIGNATURE_STEP],
    // No form of its own: the legal representative's verification and signature are its checks.
    ...WITHOUT_FORM,
    reasons: { ...SHARED_REASONS, ...AUTHORIZATION_REASONS },
    child: { role: "legal_representative", methods: LEGAL_REP_PERSON_METHODS, person: legalRepAsPerson, options: { invited: true }, actsForParent: false },
  }),
} as const satisfies MethodDefinition<"legal_rep_authorization">;
