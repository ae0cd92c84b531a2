// Standard Webhooks signing: `webhook-id`, `webhook-timestamp` and `webhook-signature`
// (`v1,<base64 HMAC-SHA256>` over `id.timestamp.body`), one signature per live secret.
// It signs the exact body string that is sent; never re-serialise JSON between the two.
// Secrets never go into a header or a log line.
import { fromBase64, toBase64, utf8 } from "../crypto/encoding";

const PREFIX = "whsec_";

/** A new secret in the specification's `whsec_<base64>` form: 32 random bytes. */
export function newWebhookSecret(): string {
  return PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  if (!secret.startsWith(PREFIX)) throw new Error("webhook secret must start with whsec_");
  return crypto.subtle.importKey("raw", fromBase64(secret.slice(PREFIX.length)), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/** `v1,<sig>` for each secret, space-separated: receivers accept the message if any one matches. */
export async function signatureHeader(secrets: readonly string[], id: string, timestampSeconds: number, body: string): Promise<string> {
  const content = utf8.encode(`${id}.${timestampSeconds}.${body}`);
  const signatures = await Promise.all(secrets.map(async (secret) => `v1,${toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), content)))}`));
  return signatures.join(" ");
}

export async function webhookHeaders(secrets: readonly string[], id: string, timestampSeconds: number, body: string): Promise<Record<string, string>> {
  return {
    "content-type": "application/json",
    "user-agent": "Shiming-Webhooks/1",
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": await signatureHeader(secrets, id, timestampSeconds, body),
  };
}
