// The reverse transfer's instructions, made once as the method starts: a remark code of its own
// (how a credit finds this verification), and the account to pay into from the collection
// provider. The organization has a week to pay; the verification lives at least as long.
import { randomString } from "../crypto/random";
import { currentMethodStep } from "../domain/flow/state";
import { remarkCode } from "../domain/transfer/credit-match";
import { NO_LETTER, REVERSE_AMOUNT_FEN, REVERSE_WINDOW_MS, TRANSFER_CONFIRMATION_STEP, TRANSFER_REVERSE } from "../domain/transfer/record";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import type { ActionOutcome, StepNotice } from "../flow/steps";
import { beginChange, type Change, evidence, set, write } from "../flow/writer";

/** Sets the instructions in the change; a provider fault answers a notice and sets nothing (the page offers to try again). */
export async function setUpReverse(ctx: FlowContext, ch: Change<ApplicantRow>): Promise<StepNotice | undefined> {
  const row = ch.row;
  if (row.transfer?.direction === "reverse") return undefined;
  const reference = remarkCode((alphabet, length) => randomString(length, alphabet));
  const expiresAt = ctx.now + REVERSE_WINDOW_MS;
  const answer = await ctx.providers.collection.expect({ reference, payerName: row.orgName ?? "", amountFen: REVERSE_AMOUNT_FEN, expiresAt });
  if ("outcome" in answer) {
    evidence(ch, [{ type: "provider.call", actor: "system", data: { capability: "collection", provider: answer.provider, serial: "", outcome: "unavailable", reason: answer.detail } }]);
    return { error: "provider_unavailable" };
  }
  set(ch, {
    transfer: {
      direction: "reverse",
      reference: answer.reference,
      referenceKind: answer.referenceKind,
      payInto: { accountName: answer.accountName, accountNumber: answer.accountNumber, bankName: answer.bankName },
      expiresAt,
      letter: row.transfer?.letter ?? NO_LETTER,
    },
    transferReference: answer.reference,
    expiresAt: Math.max(row.expiresAt, expiresAt),
  });
  return undefined;
}

/** 重试: the instructions asked for again after a provider fault. */
export async function retryReverse(ctx: FlowContext, row: ApplicantRow): Promise<ActionOutcome> {
  const at = currentMethodStep(row.state);
  if (at?.method !== TRANSFER_REVERSE || at.step !== TRANSFER_CONFIRMATION_STEP || row.transfer?.direction === "reverse") return { kind: "stale" };
  const ch = beginChange(ctx.db, row, ctx.now);
  const notice = await setUpReverse(ctx, ch);
  const written = await write(ctx, ch);
  if (!written.ok) return { kind: "stale" };
  return { kind: "moved", row: written.row, ...(notice ? { notice } : {}) };
}
