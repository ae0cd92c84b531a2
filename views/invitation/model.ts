// The legal representative's pages (/a), as plain view models: what each shows, never rows.
import type { Letter } from "../../src/domain/authorization/letter";
import type { Locale } from "../messages";

/** Who asks, and for what: on every page, so whoever holds the link knows what they are doing. */
export interface InvitationAbout {
  locale: Locale;
  partner: string;
  organization: { name: string; credentialCode: string };
  legalRepName: string;
  /** The operator, masked: a name, or the phone they signed in with. */
  operator: { name: string } | { phone: string };
  /** When the invitation ends, Beijing time. */
  expiresAt: string;
}

export type LegalRepPage =
  | { kind: "intro"; about: InvitationAbout; needsIdNumber: boolean; idNumber?: string; errors: Partial<Record<"id_number", string>>; triesLeft?: number }
  | { kind: "verifying"; about: InvitationAbout; childUrl: string }
  | {
      kind: "letter";
      about: InvitationAbout;
      letter: Letter;
      /** SHA-256 of the letter's exact bytes shown: the signing form posts it back. */
      letterSha256: string;
      /** The number the code goes to, masked; null: the legal representative types it (another browser). */
      phoneMasked: string | null;
      phone?: string;
      codeSent?: boolean;
      resendInSeconds: number;
      errors: Partial<Record<"sign_phone" | "sign_code", string>>;
      triesLeft?: number;
    }
  /** The letter could not be typeset: said, with the stamped letter's way. */
  | { kind: "letter_unavailable"; about: InvitationAbout; characters: string[] }
  | { kind: "signed"; about: InvitationAbout }
  | { kind: "declined"; about: InvitationAbout }
  | { kind: "not_verified"; about: InvitationAbout }
  | { kind: "link_problem"; locale: Locale; reason: "used" | "replaced" | "expired" | "ended" | "invalid" };
