// One HTTP attempt at a webhook: sign the stored body, POST it, and report what came back (the
// status, the latency and the first 1 KB of the answer). It decides nothing: schedule.ts does.
// Redirects are not followed (a 3xx is a failed attempt), and nothing here logs the secret.
import type { DataCipher } from "../crypto/data-key";
import type { WebhookEndpointRow } from "../db/webhook-endpoints";
import { webhookHeaders } from "./signing";

export const DELIVERY_TIMEOUT_MS = 15_000;
export const RESPONSE_BODY_LIMIT = 1024;

export interface AttemptResult {
  status: number | null;
  latencyMs: number;
  body: string | null;
  error: "timeout" | "network_error" | null;
}

/** The secrets that sign now: the current one, and the previous one during its 24 h overlap. */
export async function signingSecrets(cipher: DataCipher, endpoint: Pick<WebhookEndpointRow, "secretEnc" | "previousSecretEnc" | "previousSecretExpiresAt">, now: number) {
  const secrets = [await cipher.decrypt(endpoint.secretEnc)];
  if (endpoint.previousSecretEnc && (endpoint.previousSecretExpiresAt ?? 0) > now) secrets.push(await cipher.decrypt(endpoint.previousSecretEnc));
  return secrets;
}

export async function sendWebhook(url: string, secrets: string[], event: { id: string; body: string }, now: number): Promise<AttemptResult> {
  const headers = await webhookHeaders(secrets, event.id, Math.floor(now / 1000), event.body);
  const started = Date.now();
  const signal = AbortSignal.timeout(DELIVERY_TIMEOUT_MS);
  try {
    const res = await fetch(url, { method: "POST", headers, body: event.body, redirect: "manual", signal });
    const body = await firstBytes(res, RESPONSE_BODY_LIMIT);
    return { status: res.status, latencyMs: Date.now() - started, body, error: null };
  } catch (error) {
    const timedOut = signal.aborted || (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"));
    return { status: null, latencyMs: Date.now() - started, body: null, error: timedOut ? "timeout" : "network_error" };
  }
}

async function firstBytes(res: Response, limit: number): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const out = new Uint8Array(limit);
  let filled = 0;
  while (filled < limit) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    const take = value.subarray(0, limit - filled);
    out.set(take, filled);
    filled += take.length;
  }
  await reader.cancel().catch(() => {});
  // Not fatal: a cut through a multi-byte character becomes U+FFFD, which is fine for a log.
  return new TextDecoder().decode(out.subarray(0, filled));
}
