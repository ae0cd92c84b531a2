// How a sandbox twin answers: a verdict plus a serial standing in for a vendor request id, `sbx_`
// and 16 random hex digits. Random, not derived from the inputs: a digest of a name and an ID
// number (or of an SMS text with its code) in the permanent event log could be reversed by
// guessing, and people do type real data into test mode.
import { toHex } from "../crypto/encoding";
import { unavailable, type ProviderAnswer, type UnavailableAnswer } from "./answer";

export const SANDBOX_PROVIDER = "sandbox";

export function sandboxSerial(): string {
  return `sbx_${toHex(crypto.getRandomValues(new Uint8Array(8)).buffer)}`;
}

/** A match when `reason` is undefined, otherwise a no_match for it. */
export function sandboxVerdict<Reason extends string>(reason: Reason | undefined, serial = sandboxSerial()): ProviderAnswer<Reason> {
  if (reason === undefined) return { outcome: "match", provider: SANDBOX_PROVIDER, serial };
  return sandboxNoMatch(reason, serial);
}

export function sandboxNoMatch<Reason extends string>(reason: Reason, serial: string) {
  return { outcome: "no_match", reason, provider: SANDBOX_PROVIDER, serial } as const;
}

/** The sandbox's stand-in for a vendor outage, triggered only by a magic value. */
export function sandboxUnavailable(): UnavailableAnswer {
  return unavailable(SANDBOX_PROVIDER, "sandbox_unavailable");
}
