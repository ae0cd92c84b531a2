// The authorization letter of a verification: its facts read from the row (the organization as
// checked, the legal representative's name and ID number while their ciphertext lasts, the
// operator), then the pure template. The page the legal representative reads and the PDF they
// sign are made from this one letter.
import { applicantPhoneMasked } from "../db/applicants";
import { buildLetter, type LetterOperator, type LetterResult } from "../domain/authorization/letter";
import { validityYearsOf } from "../domain/authorization/validity";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";

/**
 * The phone the operator signed in with, masked: what names them while the verification does not
 * know who they are (null once it does). Read once per request and handed to the page and letter.
 */
export async function operatorPhoneOf(ctx: FlowContext, row: ApplicantRow): Promise<string | null> {
  if (row.personNameEnc || !row.applicantId) return null;
  return applicantPhoneMasked(ctx.db, row.applicantId);
}

/** The operator: the person, when the verification knows who they are; otherwise the phone they signed in with. */
async function operatorOf(ctx: FlowContext, row: ApplicantRow, phoneMasked: string | null): Promise<LetterOperator> {
  if (row.personNameEnc && row.personIdNumberEnc) {
    const [name, idNumber] = await Promise.all([ctx.cipher.decrypt(row.personNameEnc), ctx.cipher.decrypt(row.personIdNumberEnc)]);
    return { kind: "person", name, idNumber };
  }
  return { kind: "phone", phone: phoneMasked ?? "" };
}

/** `at`: the moment the letter is dated (shown, then signed the same day). `operatorPhone`: operatorPhoneOf's answer. */
export async function letterOf(ctx: FlowContext, row: ApplicantRow, at: number, operatorPhone: string | null, signing: "sms" | "stamp" = "sms"): Promise<LetterResult> {
  const [name, idNumber, operator] = await Promise.all([
    row.orgLegalRepNameEnc ? ctx.cipher.decrypt(row.orgLegalRepNameEnc) : "",
    row.orgLegalRepIdNumberEnc ? ctx.cipher.decrypt(row.orgLegalRepIdNumberEnc) : "",
    operatorOf(ctx, row, operatorPhone),
  ]);
  return buildLetter({
    organization: { name: row.orgName ?? "", uscc: row.orgCredentialCode ?? "" },
    legalRepresentative: { name, idNumber },
    operator,
    partnerName: row.partnerName,
    validityYears: validityYearsOf(row.options),
    at,
    signing,
  });
}
