// Canonical JSON (RFC 8785, JCS): object members sorted by UTF-16 code units, no whitespace,
// numbers and strings as ECMAScript's JSON.stringify writes them. The evidence is signed over
// these bytes, so anyone can re-derive them from the parsed payload years later.
// Refuses what JSON cannot carry (NaN, Infinity, functions) rather than silently dropping it.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonical JSON cannot hold NaN or Infinity");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  if (typeof value === "object") {
    const members = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      // Default sort compares UTF-16 code units, which is exactly what RFC 8785 asks for.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${members.join(",")}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
