// Whether an incoming credit is a verification's reverse transfer: the reference (the virtual
// account credited, or the remark code in 附言), the amount, and the payer's account name equal to
// the organization's name once both are normalised. Pure: the caller finds the verification the
// reference names and passes its facts.
import { normaliseOrgName } from "../organization/org-name";
import { REVERSE_AMOUNT_FEN } from "./record";

/** SM and eight characters with no look-alikes (no 0/O, 1/I/L): short enough to type into 附言. */
export const REMARK_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const REMARK = /SM[2-9A-HJKMNP-Z]{8}/;

export function remarkCode(draw: (alphabet: string, length: number) => string): string {
  return `SM${draw(REMARK_ALPHABET, 8)}`;
}

/** The remark code a payer wrote into 附言, however they wrote it (full-width, lower case, spaced). */
export function remarkCodeIn(remark: string): string | null {
  return REMARK.exec(remark.normalize("NFKC").toUpperCase().replace(/\s+/g, ""))?.[0] ?? null;
}

export interface ExpectedPayment {
  orgName: string;
  /** Open, at the transfer step, not yet paid: only then may a credit verify it. */
  waiting: boolean;
}

export type CreditVerdict = { kind: "matched" } | { kind: "refused"; reason: "payer_name_mismatch" | "amount_mismatch" | "not_waiting" };

export function judgeCredit(credit: { amountFen: number; payerName: string }, expected: ExpectedPayment): CreditVerdict {
  if (!expected.waiting) return { kind: "refused", reason: "not_waiting" };
  if (credit.amountFen !== REVERSE_AMOUNT_FEN) return { kind: "refused", reason: "amount_mismatch" };
  // Brackets, widths and spaces are how banks differ in printing a name; nothing else is forgiven.
  if (normaliseOrgName(credit.payerName) !== normaliseOrgName(expected.orgName)) return { kind: "refused", reason: "payer_name_mismatch" };
  return { kind: "matched" };
}
