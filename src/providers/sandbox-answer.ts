// How a sandbox twin answers: a verdict plus a serial standing in for a vendor request id, `sbx_`
// and the first 16 hex digits of SHA-256 over the capability and its inputs. Deterministic, so a
// test can predict it and the same input always leaves the same trace; never random, never a clock.
import { toHex, utf8 } from "../crypto/encoding";
import { unavailable, type ProviderAnswer, type UnavailableAnswer } from "./answer";

export const SANDBOX_PROVIDER = "sandbox";

export async function sandboxSerial(
  capability: string,
  fields: Readonly<Record<string, string | readonly string[]>>,
  bytes: Uint8Array = new Uint8Array(),
): Promise<string> {
  // JSON is self-delimiting, so where the head ends is unambiguous and image bytes after it
  // cannot be shifted into it to give two different inputs the same serial.
  const head = utf8.encode(JSON.stringify([capability, fields]));
  const data = new Uint8Array(head.length + bytes.length);
  data.set(head, 0);
  data.set(bytes, head.length);
  return `sbx_${toHex(await crypto.subtle.digest("SHA-256", data)).slice(0, 16)}`;
}

/** A match when `reason` is undefined, otherwise a no_match for it. */
export function sandboxVerdict<Reason extends string>(reason: Reason | undefined, serial: string): ProviderAnswer<Reason> {
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
