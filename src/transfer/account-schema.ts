// The corporate account a forward transfer pays: its number, its bank (picked, so the page can
// say where the branch code is printed) and its branch's CNAPS code, which must be of that bank.
// The account's name is not typed: it is the checked organization's.
import { z } from "zod";
import { branchCodeFitsBank, isBankChoice } from "../domain/transfer/banks";
import { bankBranchCode, corporateAccountNumber } from "../schemas/identifiers";

const bank = z.string().refine(isBankChoice, { params: { code: "required" } });

export const corporateAccountInput = z.object({
  account_number: corporateAccountNumber,
  bank,
  branch_code: bankBranchCode,
});
export type CorporateAccountInput = z.output<typeof corporateAccountInput>;

export const CORPORATE_ACCOUNT_FIELDS = Object.keys(corporateAccountInput.shape) as (keyof CorporateAccountInput)[];

/** Across fields: a branch code of another bank than the one picked is refused before any payout. */
export function crossFieldErrors(input: CorporateAccountInput): Record<string, string> {
  return branchCodeFitsBank(input.branch_code, input.bank) ? {} : { branch_code: "branch_not_of_bank" };
}
