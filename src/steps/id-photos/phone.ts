// The phone's photos go through the same check as the desktop's; the handoff follows the outcome.
import { isTerminal } from "../../domain/handoff/machine";
import type { FlowContext } from "../../flow/context";
import { handoffStub, type PhoneSession } from "../../flow/handoff";
import { type PhotoErrors, submitIdPhotos } from "./submit";

export type PhonePhotosOutcome = { kind: "invalid"; errors: PhotoErrors } | { kind: "done"; state: string | null };

export async function submitPhonePhotos(ctx: FlowContext, s: PhoneSession, form: FormData): Promise<PhonePhotosOutcome> {
  const stub = handoffStub(ctx, s.record.handoffId);
  if (s.record.purpose !== "id_capture" || isTerminal(s.record.state)) return { kind: "done", state: s.record.state };
  const result = await submitIdPhotos(ctx, s.row, form);
  if (result.kind === "invalid") return { kind: "invalid", errors: result.errors };
  // Already settled elsewhere (the desktop uploaded first): the handoff has nothing to add.
  if (result.kind === "stale") return { kind: "done", state: s.record.state };
  await stub.apply({ type: "start_capture" });
  await stub.apply({ type: "submit" });
  const after =
    result.kind === "verified"
      ? await stub.apply({ type: "check_passed" })
      : result.kind === "retry"
        ? await stub.apply({ type: "check_failed", final: false }, { lastFailure: result.reason })
        : await stub.apply({ type: "check_failed", final: true }, { lastFailure: result.row.failureReason });
  return { kind: "done", state: after?.state ?? null };
}
