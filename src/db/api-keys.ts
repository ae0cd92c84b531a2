// Partners and their API keys. Keys are stored as SHA-256 hashes; the plaintext key exists only
// in the response that creates it.
import { and, eq, isNull } from "drizzle-orm";
import { sha256Hex } from "../crypto/hash";
import { newId, randomString } from "../crypto/random";
import type { Database } from "./client";
import { apiKeys, partners } from "./schema";

export type KeyMode = "test" | "live";

export const API_KEY_PATTERN = /^sk_(test|live)_[0-9A-Za-z]{24,64}$/;

export interface IssuedKey {
  id: string;
  mode: KeyMode;
  key: string;
  hint: string;
  createdAt: number;
}

export function newApiKey(mode: KeyMode): string {
  return `sk_${mode}_${randomString(32)}`;
}

async function keyRow(partnerId: string, mode: KeyMode, key: string, now: number) {
  return {
    id: newId("key"),
    partnerId,
    mode,
    keyHash: await sha256Hex(key),
    hint: key.slice(-4),
    createdAt: now,
  };
}

export async function createPartnerWithKey(db: Database, name: string, now: number) {
  const partner = { id: newId("ptn"), name, createdAt: now };
  const key = newApiKey("test");
  const row = await keyRow(partner.id, "test", key, now);
  await db.batch([db.insert(partners).values(partner), db.insert(apiKeys).values(row)]);
  return { partner, key: { id: row.id, mode: row.mode, key, hint: row.hint, createdAt: now } satisfies IssuedKey };
}

export async function partnerExists(db: Database, partnerId: string): Promise<boolean> {
  const row = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId)).get();
  return row !== undefined;
}

export async function createKey(db: Database, partnerId: string, mode: KeyMode, now: number): Promise<IssuedKey> {
  const key = newApiKey(mode);
  const row = await keyRow(partnerId, mode, key, now);
  await db.insert(apiKeys).values(row);
  return { id: row.id, mode, key, hint: row.hint, createdAt: now };
}

/** Seeds a known key (the local demo partner); idempotent. */
export async function seedKey(db: Database, partnerId: string, partnerName: string, key: string, now: number) {
  const mode = key.startsWith("sk_live_") ? "live" : "test";
  const row = await keyRow(partnerId, mode, key, now);
  await db.batch([db.insert(partners).values({ id: partnerId, name: partnerName, createdAt: now }).onConflictDoNothing(), db.insert(apiKeys).values(row).onConflictDoNothing()]);
}

export async function revokeKey(db: Database, partnerId: string, keyId: string, now: number): Promise<boolean> {
  const result = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.partnerId, partnerId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return result.length > 0;
}

/** Authentication look-up: deliberately not partner-scoped, since the key is what names the partner. */
export async function findActiveKeyByPlaintext(db: Database, key: string) {
  return db
    .select({ id: apiKeys.id, partnerId: apiKeys.partnerId, mode: apiKeys.mode })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, await sha256Hex(key)), isNull(apiKeys.revokedAt)))
    .get();
}
