// Turns a provider's answer into the evidence record of the call: who answered, their serial,
// and the outcome. It never copies what was sent.
import type { CheckResult, ProviderCall } from "../flow/methods";

type AnyAnswer<Reason extends string = string> =
  | { outcome: "match"; provider: string; serial: string }
  | { outcome: "no_match"; reason: Reason; provider: string; serial: string }
  | { outcome: "unavailable"; provider: string; detail: string };

export function providerCall(capability: string, answer: AnyAnswer): ProviderCall {
  if (answer.outcome === "unavailable") return { capability, provider: answer.provider, serial: "", outcome: "unavailable", reason: answer.detail };
  if (answer.outcome === "no_match") return { capability, provider: answer.provider, serial: answer.serial, outcome: "no_match", reason: answer.reason };
  return { capability, provider: answer.provider, serial: answer.serial, outcome: "match" };
}

/** The check result of a method whose whole check is one provider call. */
export function singleCheck<Reason extends string>(capability: string, answer: AnyAnswer<Reason>): CheckResult<Reason> {
  const calls = [providerCall(capability, answer)];
  if (answer.outcome === "unavailable") return { kind: "unavailable", calls };
  if (answer.outcome === "no_match") return { kind: "rejected", reason: answer.reason, calls };
  return { kind: "passed", calls };
}
