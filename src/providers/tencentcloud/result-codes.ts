// Turns a documented Tencent Cloud result code into a ProviderAnswer through a per-action table.
// Each adapter keeps its table beside its call, written from the vendor's documentation; this
// module only applies one. An undocumented code must never read as a match: it is unavailable.
import { unavailable, type ProviderAnswer } from "../answer";
import { TENCENTCLOUD_PROVIDER } from "./client";

export type ResultRule<Reason extends string> = { outcome: "match" } | { outcome: "no_match"; reason: Reason } | { outcome: "unavailable" };

export const MATCH = { outcome: "match" } as const;
export const UNAVAILABLE = { outcome: "unavailable" } as const;

export function noMatch<Reason extends string>(reason: Reason): ResultRule<Reason> {
  return { outcome: "no_match", reason };
}

/** `detail` names the vendor code in the log when the answer is unavailable. */
export function answerFor<Reason extends string>(rule: ResultRule<Reason> | undefined, requestId: string, code: string): ProviderAnswer<Reason> {
  if (rule === undefined) return unavailable(TENCENTCLOUD_PROVIDER, `undocumented_result:${code}`);
  switch (rule.outcome) {
    case "match":
      return { outcome: "match", provider: TENCENTCLOUD_PROVIDER, serial: requestId };
    case "no_match":
      return { outcome: "no_match", reason: rule.reason, provider: TENCENTCLOUD_PROVIDER, serial: requestId };
    case "unavailable":
      return unavailable(TENCENTCLOUD_PROVIDER, `result:${code}`);
  }
}
