// The phone link's code: what a QR code carries and what a person can type from the screen. It is
// the handoff's id, then a one-time secret, then a two-character keyed check, in Crockford's base32
// (no I, L, O or U; case and dashes do not matter when typed): 20 characters, where the signed
// token it replaces made a 372-character link and a dense version-13 QR code. The secret is
// current for 5 minutes and is exchanged once; the Durable Object the id names holds which secret
// is current and until when. The check turns away mistyped or made-up codes without waking a
// Durable Object for each.
import { randomString } from "../crypto/random";

export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const HANDOFF_ID_LENGTH = 9;
const SECRET_LENGTH = 9;
const CHECK_LENGTH = 2;
export const LINK_CODE_LENGTH = HANDOFF_ID_LENGTH + SECRET_LENGTH + CHECK_LENGTH;
export const LINK_CODE_TTL_MS = 5 * 60_000;

/** A keyed hash (hex) of the code's id and secret; the service's data key keys it. */
export type CodeTag = (value: string) => Promise<string>;

export function newHandoffId(): string {
  return randomString(HANDOFF_ID_LENGTH, CROCKFORD);
}

async function checkOf(tag: CodeTag, body: string): Promise<string> {
  const bits = Number.parseInt((await tag(body)).slice(0, 4), 16) >> 6; // 10 bits: two characters
  return CROCKFORD[bits >> 5]! + CROCKFORD[bits & 31]!;
}

export async function newLinkCode(tag: CodeTag, handoffId: string): Promise<{ code: string; secret: string }> {
  const secret = randomString(SECRET_LENGTH, CROCKFORD);
  const body = handoffId + secret;
  return { code: body + (await checkOf(tag, body)), secret };
}

/** A code as typed or scanned, in its one spelling: upper case, no dashes or spaces, O read as 0 and I or L as 1. */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return code.length === LINK_CODE_LENGTH && [...code].every((ch) => CROCKFORD.includes(ch)) ? code : null;
}

/** The handoff and secret a code names, if its check holds. */
export async function readLinkCode(tag: CodeTag, typed: string): Promise<{ handoffId: string; secret: string } | null> {
  const code = normalizeCode(typed);
  if (!code) return null;
  const body = code.slice(0, -CHECK_LENGTH);
  if ((await checkOf(tag, body)) !== code.slice(-CHECK_LENGTH)) return null;
  return { handoffId: body.slice(0, HANDOFF_ID_LENGTH), secret: body.slice(HANDOFF_ID_LENGTH) };
}

/** The code in groups of four, for reading off the screen: 7K2M-9XD4-… */
export function groupedCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}
