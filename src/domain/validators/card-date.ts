// A date as people type it from an ID card: 2016-08-20, 2016.08.20, 2016/08/20 or 20160820,
// answered as ISO (2016-08-20). Pure; the card's "长期" is the caller's to accept.
import type { Validation } from "./result";

export function parseCardDate(input: string): Validation<string> {
  const value = input.trim();
  if (value === "") return { ok: false, code: "required" };
  const m = /^(\d{4})[-./年]?(\d{1,2})[-./月]?(\d{1,2})日?$/.exec(value);
  if (!m) return { ok: false, code: "invalid_date" };
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return { ok: false, code: "invalid_date" };
  return { ok: true, value: iso };
}

/** Whether the card's validity dates make sense on `today` (ISO): in order, and not already past. */
export function checkValidity(validFrom: string, validTo: string, today: string): "date_order" | "id_card_expired" | null {
  if (validTo === "long_term") return null;
  if (validTo <= validFrom) return "date_order";
  if (validTo < today) return "id_card_expired";
  return null;
}
