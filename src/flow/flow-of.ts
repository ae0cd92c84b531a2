// A stored verification row read as the flow the transition moves. The row's `status`, `method`
// and attempt columns are derived copies for queries; the state is what decides.
import type { VerificationRow } from "../db/verifications";
import type { Flow } from "../domain/flow/state";
import { preambleOf } from "./types";

export function flowOf(row: Pick<VerificationRow, "type" | "state" | "methods" | "failedAttempts" | "failureReason" | "expiresAt" | "completedAt">): Flow {
  return {
    state: row.state,
    methods: row.methods,
    preamble: preambleOf(row.type),
    failedAttempts: row.failedAttempts,
    failureReason: row.failureReason,
    expiresAt: row.expiresAt,
    completedAt: row.completedAt,
  };
}
