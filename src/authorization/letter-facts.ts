// The authorization letter of a verification: its facts read from the row (the organization as
// checked, the legal representative's name and ID number while their ciphertext lasts, the
// operator), then the pure template. The page the legal representative reads and the PDF they
// sign are made from this one letter.
import { applicantPhoneMasked } from "../db/applicants";
import { buildLetter, type LetterOperator, type LetterResult } from "../domain/authorization/letter";
import { validityYearsOf } from "../domain/authorization/validity";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";

/** The operator: the person, when the verification knows who they are; otherwise the phone they signed in with. */
async function operatorOf(ctx: FlowContext, row: ApplicantRow): Promise<LetterOperator> {
  if (row.personNameEnc && row.personIdNumberEnc) {
    const [name, idNumber] = await Promise.all([ctx.cipher.decrypt(row.personNameEnc), ctx.cipher.decrypt(row.personIdNumberEnc)]);
    return { kind: "person", name, idNumber };
  }
  return { kind: "phone", phone: (row.applicantId ? await applicantPhoneMasked(ctx.db, row.applicantId) : null) ?? "" };
}

/** `at`: the moment the letter is dated (shown, then signed the same day). */
export async function letterOf(ctx: FlowContext, row: ApplicantRow, at: number): Promise<LetterResult> {
  const [name, idNumber, operator] = await Promise.all([
    row.orgLegalRepNameEnc ? ctx.cipher.decrypt(row.orgLegalRepNameEnc) : "",
    row.orgLegalRepIdNumberEnc ? ctx.cipher.decrypt(row.orgLegalRepIdNumberEnc) : "",
    operatorOf(ctx, row),
  ]);
  return buildLetter({
    organization: { name: row.orgName ?? "", uscc: row.orgCredentialCode ?? "" },
    legalRepresentative: { name, idNumber },
    operator,
    partnerName: row.partnerName,
    validityYears: validityYearsOf(row.options),
    at,
  });
}
