// The corporate account posted: first from its own step (the payout asked for passes it), or again
// from the confirmation when a payout could not be paid (the record is corrected in place). The
// account number is encrypted at rest and masked everywhere else; the amount drawn is kept only as
// a keyed hash. Nothing typed is lost on an error, and a provider fault asks for nothing twice.
import { currentMethodStep } from "../domain/flow/state";
import { CORPORATE_ACCOUNT_STEP, MAX_PAYOUTS, mayAskNewPayout, NO_LETTER, TRANSFER_CONFIRMATION_STEP, TRANSFER_FORWARD, type TransferRecord } from "../domain/transfer/record";
import type { ApplicantRow, ApplicantSession } from "../flow/applicant";
import { recordConsent } from "../flow/consent";
import type { FlowContext } from "../flow/context";
import { parseFields } from "../flow/form/parse";
import { beginChange, evidence, move, set, write } from "../flow/writer";
import { maskBankCard } from "../domain/masking";
import { expiryForPayout, sendPayout } from "./payout";
import type { CorporateAccountForm } from "../../views/steps/model";
import { type CorporateAccountInput, corporateAccountInput, crossFieldErrors } from "./account-schema";
import { accountForm } from "./account-form";

/** Where the form may be posted: the account step, or the confirmation after a payout that did not arrive. */
function postable(row: ApplicantRow): "first" | "again" | null {
  const at = currentMethodStep(row.state);
  if (at?.method !== TRANSFER_FORWARD) return null;
  if (at.step === CORPORATE_ACCOUNT_STEP) return (row.transfer?.direction === "forward" ? row.transfer.payouts : 0) < MAX_PAYOUTS ? "first" : null;
  if (at.step === TRANSFER_CONFIRMATION_STEP && row.transfer && mayAskNewPayout(row.transfer) && moneyFailed(row.transfer)) return "again";
  return null;
}

function moneyFailed(record: TransferRecord): boolean {
  return record.direction === "forward" && (record.payout?.status === "failed" || record.payout?.status === "refunded");
}

export type AccountOutcome = { kind: "moved"; row: ApplicantRow } | { kind: "form"; row: ApplicantRow; form: CorporateAccountForm; status: 422 } | { kind: "stale" };

export async function submitAccount(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, posted: FormData): Promise<AccountOutcome> {
  const where = postable(row);
  if (!where) return { kind: "stale" };
  const parsed = parseFields(corporateAccountInput, posted);
  const consent = posted.get("consent") === "yes";
  const values = parsed.values as CorporateAccountForm["values"];
  const again = (r: ApplicantRow, patch: Partial<CorporateAccountForm>): AccountOutcome => ({ kind: "form", row: r, form: { ...accountForm(r, values), consent, ...patch }, status: 422 });
  const crossed = parsed.ok ? crossFieldErrors(parsed.input as CorporateAccountInput) : {};
  const errors = { ...(parsed.ok ? {} : parsed.errors), ...crossed, ...(consent ? {} : { consent: "consent_required" }) };
  if (!parsed.ok || Object.keys(errors).length > 0) return again(row, { errors });
  const input = parsed.input as CorporateAccountInput;

  const account = { numberMasked: maskBankCard(input.account_number), bank: input.bank, branchCode: input.branch_code };
  const sent = await sendPayout({ payout: ctx.providers.payout, cipher: ctx.cipher, now: ctx.now }, { accountName: row.orgName ?? "", accountNumber: input.account_number, account });
  const ch = beginChange(ctx.db, row, ctx.now);
  await recordConsent(ctx, ch, session.applicantId, "method_processing", TRANSFER_FORWARD);
  evidence(ch, [sent.evidence]);
  if (!sent.ok) {
    // A provider fault is no payout: nothing is counted, and the form comes back as it was.
    const written = await write(ctx, ch);
    return written.ok ? again(written.row, { reason: "provider_unavailable" }) : { kind: "stale" };
  }
  const before = row.transfer?.direction === "forward" ? row.transfer : null;
  const record: TransferRecord = {
    direction: "forward",
    account,
    payout: sent.payout,
    payouts: (before?.payouts ?? 0) + 1,
    letter: before?.letter ?? NO_LETTER,
    ...(before?.renewedAfterTries ? { renewedAfterTries: true } : {}),
  };
  set(ch, { transfer: record, corporateAccountEnc: await ctx.cipher.encrypt(input.account_number), expiresAt: expiryForPayout(sent.payout, row.expiresAt, ctx.now) });
  const failedAtOnce = sent.payout.status === "failed";
  if (where === "first" && !failedAtOnce) {
    if (move(ch, { type: "step_passed", step: CORPORATE_ACCOUNT_STEP }, { actor: "system", label: "transfer.payout_requested", data: { reference: sent.payout.reference } })) return { kind: "stale" };
  }
  const written = await write(ctx, ch);
  if (!written.ok) return { kind: "stale" };
  // Refused at once (the account is not the organization's): the form again, saying so.
  if (failedAtOnce && where === "first") return again(written.row, { reason: sent.payout.failure ?? "bank_refused" });
  return { kind: "moved", row: written.row };
}
