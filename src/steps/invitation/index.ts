// The steps of legal_rep_authorization: the operator's invitation and the legal representative's
// signature (their own pages, /a, are src/routes/invitation.tsx over legal-rep.ts and signing.ts).
export { invitationStep, signatureStep } from "./operator";
