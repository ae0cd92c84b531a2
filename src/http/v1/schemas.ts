// The partner API's request and response shapes. Routes validate with these, and the OpenAPI
// document is generated from them, so the two cannot drift apart.
import { AUTHORIZATION_STATUSES } from "../../domain/authorization/record";
import { TRANSFER_STATUSES } from "../../domain/transfer/record";
import { DEFAULT_VALIDITY_YEARS, MAX_VALIDITY_YEARS } from "../../domain/authorization/validity";
import { z } from "zod";
import { REGISTRY_STATUSES } from "../../domain/organization/registry-policy";
import { OPERATOR_ROLES } from "../../domain/organization/roles";
import { METHOD_NAMES, findMethod, methodsFor } from "../../methods";
import { VERIFICATION_STATUSES } from "../../domain/verification/status";
import { credentialCode, mobileNumber, personName, residentIdNumber } from "../../schemas/identifiers";

/** https, or http for localhost only (a partner's own machine during development). */
export const secureUrl = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "invalid_format", params: { code: "invalid_format", format: "url" } });
      return;
    }
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    if (!(url.protocol === "https:" || (url.protocol === "http:" && local))) {
      ctx.addIssue({ code: "custom", message: "insecure_url", params: { code: "insecure_url" } });
    }
  });

const redirectUrl = secureUrl.meta({
  description: "Where the applicant returns when done: https, or http for localhost only. Once the verification ended, the link carries the result token as `token`.",
});

export const personPrefill = z
  .strictObject({ name: personName.optional(), id_number: residentIdNumber.optional(), phone: mobileNumber.optional() })
  .meta({ description: "Prefills for a person verification; the applicant confirms or corrects them." });

export const organizationPrefill = z
  .strictObject({
    name: z.string().trim().min(1).max(128).optional(),
    credential_code: credentialCode.optional(),
    legal_rep_name: personName.optional(),
    legal_rep_id_number: residentIdNumber.optional().meta({ description: "The legal representative's ID number: given, the organization check is 4-element." }),
  })
  .meta({ description: "Prefills for an organization verification." });

export const verificationOptions = z
  .strictObject({
    collect_id_validity: z.boolean().default(false).meta({ description: "bankcard4: also collect the ID card's valid-from and valid-to dates (Beijing variant)." }),
    collect_id_images: z.boolean().default(false).meta({ description: "bankcard4: also collect photos of both sides of the ID card, checked by OCR (Beijing variant)." }),
    authorization_validity_years: z
      .int()
      .min(1)
      .max(MAX_VALIDITY_YEARS)
      .default(DEFAULT_VALIDITY_YEARS)
      .meta({ description: "legal_rep_authorization: how many years the signed authorization letter holds, 1 to 3 (printed on the letter with its end date)." }),
  })
  .meta({ description: "Per-verification switches." });

const methodName = z.enum(METHOD_NAMES);

export const createVerificationRequest = z
  .strictObject({
    type: z.enum(["person", "organization"]),
    methods: z.array(methodName).min(1).max(METHOD_NAMES.length).optional().meta({ description: "Methods the applicant may choose; all that suit the type when omitted." }),
    reference: z.string().max(128).optional().meta({ description: "Your own id for this verification, at most 128 characters." }),
    redirect_url: redirectUrl.optional(),
    locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
    person: personPrefill.optional(),
    organization: organizationPrefill.optional(),
    options: verificationOptions.optional(),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.methods?.forEach((m, i) => {
      if (findMethod(m)?.verificationType !== body.type) {
        const params = { code: "method_not_for_type", value: m, type: body.type, values: methodsFor(body.type) };
        ctx.addIssue({ code: "custom", path: ["methods", i], message: "method_not_for_type", params });
      }
      if (seen.has(m)) ctx.addIssue({ code: "custom", path: ["methods", i], message: "duplicate", params: { code: "duplicate", value: m } });
      seen.add(m);
    });
    if (body.type === "person" && body.organization) {
      ctx.addIssue({ code: "custom", path: ["organization"], message: "not_allowed_for_type", params: { code: "not_allowed_for_type", type: body.type } });
    }
    if (body.type === "organization" && body.person) {
      ctx.addIssue({ code: "custom", path: ["person"], message: "not_allowed_for_type", params: { code: "not_allowed_for_type", type: body.type } });
    }
  });

export type CreateVerificationRequest = z.output<typeof createVerificationRequest>;

export const listVerificationsQuery = z.strictObject({
  status: z.enum(VERIFICATION_STATUSES).optional(),
  reference: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z
    .string()
    .regex(/^ver_[0-9A-Za-z]{24}$/)
    .optional(),
});

const timestamp = z.iso.datetime();

export const verificationObject = z.object({
  id: z.string().meta({ examples: ["ver_4Zq1cY8n0mHkR2xT7pLwVb3s"] }),
  object: z.literal("verification"),
  type: z.enum(["person", "organization"]),
  status: z.enum(VERIFICATION_STATUSES),
  methods: z.array(methodName),
  method: methodName.nullable(),
  url: z.url().meta({ description: "The hosted page to send the applicant to." }),
  expires_at: timestamp,
  reference: z.string().nullable(),
  redirect_url: z.string().nullable(),
  locale: z.enum(["zh-CN", "en"]),
  livemode: z.boolean(),
  options: z.object({ collect_id_validity: z.boolean(), collect_id_images: z.boolean(), authorization_validity_years: z.int() }),
  person: z
    .object({ name: z.string().nullable(), id_number: z.string().nullable(), phone: z.string().nullable() })
    .nullable()
    .meta({ description: "Masked: ID number as first 4 and last 2 characters, phone as 3 + 4 digits, name with only its last character." }),
  organization: z
    .object({
      name: z.string().nullable(),
      credential_code: z.string().nullable().meta({ description: "Public data, shown whole." }),
      legal_rep_name: z.string().nullable().meta({ description: "Masked as person names are." }),
      registry_status: z.enum(REGISTRY_STATUSES).nullable().meta({ description: "The business registry's answer, normalised; null before the organization check." }),
    })
    .nullable(),
  operator: z
    .object({ role: z.enum(OPERATOR_ROLES), name: z.string().nullable(), id_number: z.string().nullable() })
    .nullable()
    .optional()
    .meta({ description: "An organization's, once verified: who acted for it (masked), as the legal representative or as an agent." }),
  authorization: z
    .object({
      status: z.enum(AUTHORIZATION_STATUSES),
      expires_at: timestamp.meta({ description: "When the invitation ends (7 days after it was made); the verification's own expires_at moves to match." }),
      signed_at: timestamp.nullable(),
      letter_sha256: z.string().nullable().meta({ description: "SHA-256 (hex) of the signed letter's PDF, as GET /v1/verifications/{id}/authorization_letter serves it." }),
    })
    .nullable()
    .optional()
    .meta({ description: "An organization's by legal_rep_authorization: where the legal representative's authorization stands; null before it was asked for." }),
  transfer: z
    .object({
      direction: z.enum(["forward", "reverse"]),
      status: z
        .enum(TRANSFER_STATUSES)
        .meta({ description: "The money part: payout_requested, payout_failed (or returned), awaiting_amount, tries_used (forward); awaiting_credit (reverse); confirmed. Never the amount." }),
      expires_at: timestamp.nullable().meta({ description: "Forward: when the 7 days to type the amount end (from the payout); reverse: when the payment must have arrived." }),
      tries_left: z.int().nullable().meta({ description: "Forward: wrong amounts still allowed (3 in all); null for reverse." }),
      letter: z.object({
        status: z.enum(["none", "pending", "approved", "rejected"]),
        reason: z.string().nullable().meta({ description: "The reviewer's reason, once rejected." }),
      }),
    })
    .nullable()
    .optional()
    .meta({ description: "An organization's while a corporate transfer (transfer_forward, transfer_reverse) is in use or ended it: the money part and the stamped letter's review." }),
  failure_reason: z.string().nullable(),
  failed_attempts: z.number().int(),
  created_at: timestamp,
  completed_at: timestamp.nullable(),
  result_token: z.string().nullable().optional().meta({
    description: "On retrieve and cancel: the signed result token (a JWT, verify it against /.well-known/jwks.json) once the verification ended; null while it is open.",
  }),
});

export type VerificationObject = z.infer<typeof verificationObject>;

export const verificationList = z.object({
  object: z.literal("list"),
  data: z.array(verificationObject),
  has_more: z.boolean(),
});

export const problemObject = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z
      .array(
        z.object({
          path: z.string().meta({ description: "The field, its JSON path joined with dots: `methods.1`, `person.id_number`." }),
          code: z.string().meta({ description: "Stable snake_case code: `required`, `invalid_type`, `invalid_value`, `too_long`, `unknown_field`, `invalid_checksum`, …" }),
          message: z.string().meta({ description: 'A sentence naming the field as the JSON spells it and what it takes, e.g. `"methods[1]" must be one of: mobile3, bankcard4, face, …`.' }),
        }),
      )
      .optional()
      .meta({ description: "One entry per bad field." }),
  })
  .meta({
    description:
      "RFC 9457 problem details. `title`, `detail` and each `errors[].message` are in Chinese (zh-CN) when the request's Accept-Language prefers Chinese (zh, zh-CN, zh-Hans, …), in English otherwise; `code` and `path` never change with the language.",
  });

export const healthObject = z.object({ ok: z.literal(true) });
