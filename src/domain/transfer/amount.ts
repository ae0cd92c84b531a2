// The forward transfer's amount: a random number of fen between ¥0.10 and ¥0.99, drawn once per
// payout, kept only as a keyed hash (the caller hashes), and typed back by the operator. Amounts
// are whole fen (integers) everywhere here: never floating-point yuan.

export const PAYOUT_MIN_FEN = 10;
export const PAYOUT_MAX_FEN = 99;

/** `uniform(n)`: a uniformly random integer in [0, n) (crypto.getRandomValues with rejection, at the caller). */
export function drawPayoutFen(uniform: (n: number) => number): number {
  return PAYOUT_MIN_FEN + uniform(PAYOUT_MAX_FEN - PAYOUT_MIN_FEN + 1);
}

export type TypedAmount = { ok: true; fen: number } | { ok: false; code: "required" | "invalid_format" | "out_of_range" };

/**
 * What the operator typed, as fen: "0.37", ".37", "0.3" (30 fen), with or without ¥/￥/元 and
 * full-width digits. The bank statement shows yuan, so "37" reads as ¥37 and is out of range, never
 * guessed to mean fen. 0.01–0.99 is the range the operator may type.
 */
export function parseTypedAmount(input: string): TypedAmount {
  const value = input
    .normalize("NFKC")
    .replace(/[\s¥元]|RMB|CNY/gi, "")
    .replace(/。/g, ".");
  if (value === "") return { ok: false, code: "required" };
  const m = /^0?\.(\d{1,2})$/.exec(value);
  if (!m) return /^\d+(\.\d{1,2})?$/.test(value) ? { ok: false, code: "out_of_range" } : { ok: false, code: "invalid_format" };
  const fen = Number(m[1]!.padEnd(2, "0"));
  if (fen < 1) return { ok: false, code: "out_of_range" };
  return { ok: true, fen };
}

/** "0.37" for 37 fen: how amounts are written in the API's test helper and on pages. */
export function formatYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}
