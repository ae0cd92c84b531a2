// The collection's ingest is signed like our own webhooks are: HMAC-SHA256 with the environment's
// COLLECTION_INGEST_SECRET over `{timestamp}.{raw body}`, sent as `Shiming-Signature: t=…,v1=…`
// (hex). Older than 5 minutes (or from the future by as much) is refused, so a captured request
// cannot be replayed later; the comparison is WebCrypto's own verify (constant time).
import { utf8 } from "../crypto/encoding";

export const INGEST_TOLERANCE_MS = 5 * 60_000;

export type SignatureVerdict = { ok: true } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

function hexBytes(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  return new Uint8Array(hex.match(/../g)!.map((b) => Number.parseInt(b, 16)));
}

async function keyOf(secret: string, usage: "sign" | "verify") {
  return crypto.subtle.importKey("raw", utf8.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

export async function signIngest(secret: string, timestampSeconds: number, body: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await keyOf(secret, "sign"), utf8.encode(`${timestampSeconds}.${body}`)));
  return `t=${timestampSeconds},v1=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export async function verifyIngest(secret: string, header: string | undefined, body: string, now: number): Promise<SignatureVerdict> {
  if (!header) return { ok: false, reason: "missing" };
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  const mac = parts.v1 ? hexBytes(parts.v1) : null;
  if (!Number.isSafeInteger(t) || !mac) return { ok: false, reason: "malformed" };
  if (Math.abs(now - t * 1000) > INGEST_TOLERANCE_MS) return { ok: false, reason: "stale" };
  const good = await crypto.subtle.verify("HMAC", await keyOf(secret, "verify"), mac, utf8.encode(`${t}.${body}`));
  return good ? { ok: true } : { ok: false, reason: "mismatch" };
}
