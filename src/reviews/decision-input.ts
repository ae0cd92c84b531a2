// A decision as staff post it (form) or automation sends it (JSON): one zod schema for both. A
// rejection names one of the fixed reasons; the note is free text for the record, never shown
// to the operator.
import { z } from "zod";
import { type Decision, REJECT_REASONS } from "../domain/review/decision";

const blankIsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const decisionInput = z.object({
  decision: z.enum(["approve", "reject"]),
  reason: z.preprocess(blankIsAbsent, z.enum(REJECT_REASONS).optional()),
  note: z.preprocess(blankIsAbsent, z.string().trim().max(500).optional()),
});

export type DecisionInput = z.output<typeof decisionInput>;

/** The decision, or null when a rejection gives no reason. */
export function decisionOf(input: DecisionInput): Decision | null {
  const note = input.note ?? "";
  if (input.decision === "approve") return { decision: "approve", note };
  return input.reason ? { decision: "reject", reason: input.reason, note } : null;
}
