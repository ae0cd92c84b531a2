// Shared expectations for the provider contract tests, which run one table of cases against the
// sandbox and against the Tencent Cloud adapter replaying recorded responses. Both must give the
// same outcome and reason; the serial is the sandbox's `sbx_` hash or the recorded RequestId.
import { expect } from "vitest";

export type Expected<Reason extends string> = { outcome: "match" } | { outcome: "no_match"; reason: Reason } | { outcome: "unavailable" };

export const SANDBOX_SERIAL = /^sbx_[0-9a-f]{16}$/;

type AnyAnswer = { outcome: string; reason?: string; serial?: string; provider: string };

/** `serial` is the expected serial: a RequestId string, or a pattern for sandbox serials. */
export function expectAnswer<Reason extends string>(answer: AnyAnswer, expected: Expected<Reason>, serial: string | RegExp): void {
  expect(answer.outcome).toBe(expected.outcome);
  if (expected.outcome === "no_match") expect(answer.reason).toBe(expected.reason);
  if (expected.outcome === "unavailable") {
    expect(answer).not.toHaveProperty("serial");
    return;
  }
  if (typeof serial === "string") expect(answer.serial).toBe(serial);
  else expect(answer.serial).toMatch(serial);
}

/** The RequestId inside a recorded `{ "Response": { ... } }` body. */
export function recordedRequestId(recorded: { Response: { RequestId: string } }): string {
  return recorded.Response.RequestId;
}
