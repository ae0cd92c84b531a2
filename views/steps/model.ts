// Plain view models for the applicant's steps: what each screen shows, never DB rows.
// Error and reason values are stable codes; the views turn them into text.
// Views own these types; the journey (src/journey, src/steps) builds them and imports them from here.
import type { Locale } from "../messages";

export interface StepBase {
  locale: Locale;
  verificationId: string;
  partnerName: string;
  /** Where the applicant is in the method: its steps (message keys) and the current one. */
  progress?: { steps: string[]; current: number };
}

/** The phone link the desktop shows: as a QR code, as text, as a code to type, and how long it lasts. */
export interface HandoffLink {
  url: string;
  /** The link's code in groups of four, to type on the phone at {host}/p. */
  code: string;
  minutesLeft: number;
  /** Seconds left when the page was made: the page counts down from its own load, whatever the clocks say. */
  secondsLeft: number;
}

/** Where a legal representative's authorization stands (src/domain/authorization/record.ts). */
export type AuthorizationStatusName = "not_sent" | "sent" | "opened" | "verifying" | "signing" | "signed" | "declined" | "expired";

/** Who acts for an organization (src/domain/organization/roles.ts). */
export type OperatorRoleName = "legal_representative" | "agent";

export type StepView =
  | (StepBase & {
      kind: "authorize";
      type: "person" | "organization";
      phone?: string;
      /** The consent box as it was posted: ticked stays ticked when the form comes back with errors. */
      consent?: boolean;
      codeSentTo?: string;
      sentElsewhere?: true;
      errors: Partial<Record<"phone" | "code" | "consent", string>>;
      triesLeft?: number;
      retryAfterSeconds?: number;
    })
  | (StepBase & { kind: "reuse"; previous: { name: string | null; idNumber: string | null; method: string; verifiedAt: string } })
  | (StepBase & {
      kind: "choose_method";
      methods: string[];
      /** An organization's: who is acting, with the way back to change it or the organization's details. */
      operatorRole?: OperatorRoleName;
      /** A legal representative's own verification: their name as checked, masked. */
      forLegalRep?: string;
    })
  | (StepBase & {
      kind: "operator_role";
      organization: { name: string; credentialCode: string; legalRepName: string };
      /** Each role with the methods it would be offered (none: the role cannot be chosen here). */
      roles: { role: OperatorRoleName; methods: string[] }[];
      chosen: OperatorRoleName | null;
      errors: Partial<Record<"role", string>>;
    })
  | (StepBase & {
      kind: "method_form";
      method: string;
      /** Where the form posts, when not the method's own path (the organization check's form). */
      action?: string;
      /** The step this form is, when not a method's form (`org_check`): the page's data-step. */
      stepName?: string;
      /** A line under the heading saying what the form is for. */
      intro?: string;
      /** Fields that may be left blank. */
      optional?: string[];
      /** The method's input fields, in order (its schema's keys). */
      fields: string[];
      values: Partial<Record<string, string>>;
      /** What is pre-filled (the partner's values, the sign-in phone), masked: shown in the field's place, used when the field is left blank. */
      prefilled?: Partial<Record<string, { masked: string; from: "partner" | "sign_in"; locked?: true }>>;
      errors: Partial<Record<string, string>>;
      /** The consent ticked in the form that came back (nothing ticked is lost either). */
      consent?: boolean;
      /** Message keys of hints under fields, from the method. */
      hints?: Readonly<Record<string, string>>;
      /** A block the method shows under its form. */
      note?: string;
      reason?: string;
      /** Whether the reason used one of the tries (from the method's reason catalogue). */
      reasonCounted?: boolean;
      /** The organization check's other way: the business licence for a person to review (its action, the file's error, and the action that takes it with a phone instead). */
      licence?: { action: string; phoneAction: string; error?: string };
      attemptsLeft: number;
      canChangeMethod: boolean;
    })
  /** The business licence is to come from the phone: the typed fields kept, the QR code shown. */
  | (StepBase & {
      kind: "licence_phone";
      handoff: HandoffPanel;
    })
  /** A person reviews the business licence: the page looks again (pollUrl) every few seconds. */
  | (StepBase & { kind: "review_pending"; targetHours: number; pollUrl: string })
  | (StepBase & {
      kind: "code";
      method: string;
      maskedPhone: string;
      error?: string;
      triesLeft?: number;
      retryAfterSeconds?: number;
      notice?: "sent";
      /** Whether a code can still be entered: false after a refused send, or once the code expired or was voided. */
      codeLive?: boolean;
      /** Seconds until a new code may be asked for (0: now). */
      resendInSeconds?: number;
    })
  | (StepBase & {
      kind: "continue_on_phone";
      /** Where the page goes once the phone's step ended, when not its own verification's (an embedded child's parent). */
      reloadTo?: string;
      /** The method list, when not this verification's own (an embedded child's parent's). */
      changeMethodUrl?: string;
      /** The method's form is still to be filled on the phone (legal_rep_quick): nothing is checked yet. */
      formOnPhone?: boolean;
      method: string;
      canChangeMethod: boolean;
      handoff: HandoffPanel;
      /** Whether Alipay face may be offered beside the phone browser: the sandbox in test mode, a configured adapter in live mode. */
      alipay: boolean;
      /** The answer to the desktop's "query the result" for an Alipay check, when it settled nothing. */
      alipayNotice?: AlipayNotice;
    })
  | (StepBase & {
      kind: "id_photos";
      errors: Partial<Record<"id_front" | "id_back", string>>;
      reason?: string;
      /** Whether the reason used one of the tries (from the method's reason catalogue). */
      reasonCounted?: boolean;
      attemptsLeft: number;
      handoff: HandoffPanel;
    })
  | (StepBase & {
      kind: "awaiting_child";
      method: string;
      /** The role the child verification plays (e.g. legal_representative). */
      role: string;
      child: { url: string; status: string } | null;
      attemptsLeft: number;
      canChangeMethod: boolean;
    })
  /** The operator's page of legal_rep_authorization: the invitation, its two ways, and where the legal representative stands. */
  | (StepBase & {
      kind: "invitation";
      status: AuthorizationStatusName;
      organization: { name: string; legalRepName: string };
      /** The link while nobody has opened it: the QR code and the text to copy. */
      link?: string;
      /** When the invitation ends, in Beijing time (YYYY-MM-DD HH:mm). */
      expiresAt: string;
      /** The SMS went to this number (masked). */
      sentTo?: string;
      /** Seconds until the SMS may be sent again. */
      smsWaitSeconds: number;
      /** What was typed for the SMS, and why it could not go. */
      phone?: string;
      errors: Partial<Record<"legal_rep_phone", string>>;
      errorSeconds?: number;
      /** Why it did not go through: the legal representative's words, or what failed. */
      declined?: { reason?: string; why: "declined" | "id_mismatch" | "not_verified" };
      attemptsLeft: number;
      canChangeMethod: boolean;
    })
  /** A forward transfer's first step: the corporate account to pay (对公账户信息). */
  | (StepBase & { kind: "corporate_account"; form: CorporateAccountForm; canChangeMethod: boolean })
  /** A corporate transfer's confirmation (打款信息确认): the money and the stamped letter, side by side. */
  | (StepBase & {
      kind: "transfer_confirmation";
      direction: "forward" | "reverse";
      money: MoneyPart;
      letter: LetterPartView;
      /** The page itself, which a part waiting on someone else looks at again every few seconds. */
      pollUrl: string;
      /** The verification's own tries left (a method whose tries are used counts one). */
      attemptsLeft: number;
      canChangeMethod: boolean;
    })
  | (StepBase & {
      kind: "result";
      status: "verified" | "failed";
      reason?: string;
      /** Whether it failed because the three tries were used up. */
      attemptsUsed?: boolean;
      summary?: {
        name: string | null;
        idNumber: string | null;
        method?: string;
        verifiedAt?: string;
        /** An organization's: what was verified, and who acted for it (name and idNumber above). */
        organization?: { name: string; credentialCode: string; legalRepName: string | null; operatorRole: OperatorRoleName | null };
      };
      returnUrl?: string;
      /** Where returnUrl leads: the partner (the default) or, for a child, the verification it is part of. */
      returnTo?: "parent" | "invitation";
    });

export type StepKind = StepView["kind"];

/** The corporate account form: shown first, and again when a payout could not be paid. */
export interface CorporateAccountForm {
  action: string;
  /** The checked organization's name: the account's name, shown and never typed. */
  accountName: string;
  values: Partial<Record<"account_number" | "bank" | "branch_code", string>>;
  errors: Partial<Record<"account_number" | "bank" | "branch_code" | "consent", string>>;
  consent: boolean;
  /** Why the last payout did not go through (account_name_mismatch, provider_unavailable, …). */
  reason?: string;
  /** Payouts that may still be asked for. */
  payoutsLeft: number;
}

/** Where the money part of a corporate transfer stands, and what the operator can do there. */
export type MoneyPart =
  /** Forward: asked of the bank; it says when it is paid. */
  | { kind: "requested"; accountMasked: string; bank: string; requestedAt: string }
  /** Forward: paid; the operator types what arrived. */
  | { kind: "paid"; accountMasked: string; bank: string; arrivalBy: string | null; triesLeft: number; windowEnds: string; hoursLeft: number; action: string; typed?: string; error?: string }
  /** Forward: the bank could not pay (or returned it): the form again, if a payout is left. */
  | { kind: "failed"; accountMasked: string; failure: string; refunded: boolean; form: CorporateAccountForm | null }
  /** Forward: three wrong amounts; one new payout may be asked for. */
  | { kind: "tries_used"; accountMasked: string; againAction: string | null; error?: string }
  /** Reverse: what to pay, and where. */
  | { kind: "pay_in"; accountName: string; accountNumber: string; bankName: string; amount: string; reference: string; referenceKind: "remark" | "virtual_account"; payBy: string }
  | { kind: "confirmed"; direction: "forward" | "reverse"; payerAccountMasked?: string }
  /** Reverse: the receiving account could not be had from the provider: try again. */
  | { kind: "unavailable"; retryAction: string };

/** A handoff as the desktop shows it: the QR code and link while the phone has not opened it, and its live state. */
export interface HandoffPanel {
  state: string;
  link?: HandoffLink | undefined;
  lastFailure?: string | null;
  failures?: number;
  purpose?: string;
  attemptsLeft?: number;
}

export interface LetterPartView {
  status: "none" | "pending" | "approved" | "rejected";
  reason?: string;
  /** The prefilled letter (PDF) to print and stamp. */
  downloadUrl: string;
  uploadAction: string;
  /** The file's problem (letter_empty, letter_too_large, letter_unsupported). */
  error?: string;
  targetHours: number;
  /** 用手机拍照上传: the action that opens the phone handoff, while the letter may be sent. */
  phoneAction?: string;
  /** The phone handoff, once asked for and until the letter is sent. */
  phone?: HandoffPanel;
}

/** The element htmx swaps: every step renders into it, full page or fragment alike. */
export const STEP_ID = "step";

/** The answer to "query the result" for an Alipay check when it settled nothing: no check yet, no pass (yet), asked too often, or Alipay could not be asked. */
export type AlipayNotice = "alipay_not_started" | "alipay_not_passed_yet" | "alipay_query_too_soon" | "provider_unavailable";
