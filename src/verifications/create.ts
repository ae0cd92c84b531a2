// Creating a verification: prefills are encrypted, hashed and masked before they touch D1.
import type { CreateVerificationRequest } from "../http/v1/schemas";
import type { DataCipher } from "../crypto/data-key";
import { newId } from "../crypto/random";
import { DAY } from "../domain/clock";
import { maskIdNumber, maskName, maskPhone } from "../domain/masking";
import { funnelStarted } from "../db/funnel-rollup";
import { insertVerification, type NewVerificationRow, type PartnerScope, type VerificationRow } from "../db/verifications";
import { methodsFor } from "../methods";
import type { VerificationOptions } from "../flow/methods";
import { webhookEventFor } from "../webhooks/events";
import { publishEvents, type WriteContext } from "../webhooks/outbox";

export const VERIFICATION_LIFETIME = DAY;

/** A partner's request, or a child that a parent's step creates (any registered methods, and the parent it reports to). */
export type NewVerification = Omit<CreateVerificationRequest, "methods" | "options"> & {
  methods?: readonly string[] | undefined;
  options?: VerificationOptions | undefined;
  parent?: { id: string; role: string };
  /** A child is done by whoever signed in to its parent: it belongs to that account from the start. */
  applicantId?: string | undefined;
};

export async function createVerification(ctx: WriteContext, cipher: DataCipher, scope: PartnerScope, input: NewVerification, now: number): Promise<VerificationRow> {
  const person = input.person ?? {};
  const org = input.organization ?? {};
  const enc = (v: string | undefined) => (v === undefined ? null : cipher.encrypt(v));
  const hash = (purpose: "id_number" | "phone", v: string | undefined) => (v === undefined ? null : cipher.hash(purpose, v));
  const [nameEnc, idEnc, idHash, phoneEnc, phoneHash, legalRepEnc, legalRepIdEnc, legalRepIdHash] = await Promise.all([
    enc(person.name),
    enc(person.id_number),
    hash("id_number", person.id_number),
    enc(person.phone),
    hash("phone", person.phone),
    enc(org.legal_rep_name),
    enc(org.legal_rep_id_number),
    hash("id_number", org.legal_rep_id_number),
  ]);
  const row = {
    id: newId("ver"),
    partnerId: scope.partnerId,
    livemode: scope.livemode,
    type: input.type,
    status: "pending",
    methods: [...(input.methods ?? methodsFor(input.type))],
    parentId: input.parent?.id ?? null,
    parentRole: input.parent?.role ?? null,
    method: null,
    options: {
      collect_id_validity: input.options?.collect_id_validity ?? false,
      collect_id_images: input.options?.collect_id_images ?? false,
      ...(input.options?.authorization_validity_years ? { authorization_validity_years: input.options.authorization_validity_years } : {}),
      ...(input.options?.lock_prefills ? { lock_prefills: true } : {}),
      ...(input.options?.form_on_phone ? { form_on_phone: true } : {}),
      ...(input.options?.embedded ? { embedded: true } : {}),
      ...(input.options?.invited ? { invited: true } : {}),
    },
    applicantId: input.applicantId ?? null,
    reference: input.reference ?? null,
    redirectUrl: input.redirect_url ?? null,
    locale: input.locale,
    personNameEnc: nameEnc,
    personNameMasked: person.name === undefined ? null : maskName(person.name),
    personIdNumberEnc: idEnc,
    personIdNumberHash: idHash,
    personIdNumberMasked: person.id_number === undefined ? null : maskIdNumber(person.id_number),
    personPhoneEnc: phoneEnc,
    personPhoneHash: phoneHash,
    personPhoneMasked: person.phone === undefined ? null : maskPhone(person.phone),
    orgName: org.name ?? null,
    orgCredentialCode: org.credential_code ?? null,
    orgLegalRepNameEnc: legalRepEnc,
    orgLegalRepNameMasked: org.legal_rep_name === undefined ? null : maskName(org.legal_rep_name),
    orgLegalRepIdNumberEnc: legalRepIdEnc,
    orgLegalRepIdNumberHash: legalRepIdHash,
    orgLegalRepIdNumberMasked: org.legal_rep_id_number === undefined ? null : maskIdNumber(org.legal_rep_id_number),
    expiresAt: now + VERIFICATION_LIFETIME,
    createdAt: now,
    updatedAt: now,
  } satisfies NewVerificationRow;
  const outbox = webhookEventFor(row, null, now);
  const created = input.parent
    ? { type: "verification.created", actor: "system" as const, toStatus: "pending", data: { parent_id: input.parent.id, role: input.parent.role } }
    : { type: "verification.created", actor: "partner" as const, toStatus: "pending" };
  // Counted in the funnel from its creation, in the same batch (an open one, before any method).
  const stored = await insertVerification(ctx.db, row, created, outbox, [funnelStarted(ctx.db, row)]);
  if (outbox) await publishEvents(ctx, [outbox.id]);
  return stored;
}
