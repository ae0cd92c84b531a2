// Masks for showing identifiers back to people (pages, logs, partner dashboards) without
// revealing them. Pure string functions over already-validated values; they keep the length so
// the shape stays recognisable. They must never return the whole input unmasked: a value too
// short to keep its head and tail is masked entirely.

import { parseIpv4, parseIpv6 } from "./ip";

const MASK = "*";

// Keeps `head` leading and `tail` trailing characters. Counted in code points so a character
// outside the BMP is never split into half a surrogate pair.
function maskMiddle(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return MASK.repeat(chars.length);
  const hidden = chars.length - head - tail;
  return chars.slice(0, head).join("") + MASK.repeat(hidden) + chars.slice(chars.length - tail).join("");
}

/** `11010519491231002X` → `1101************2X` */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber, 4, 2);
}

/** `13812345678` → `138****5678` */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/** `6222021234567890123` → `6222***********0123` */
export function maskBankCard(cardNumber: string): string {
  return maskMiddle(cardNumber, 4, 4);
}

/**
 * `张三` → `*三`, `阿依古丽·买买提` → `*******提`, `John Smith` → `**** ****h`.
 * A Chinese name hides every character, the dot included, since the dot alone tells a reader
 * the name is transliterated. A Latin name keeps its spaces and punctuation so it still reads
 * as a name; only letters are hidden.
 */
export function maskName(name: string): string {
  const chars = [...name];
  // One character kept out of one would be the whole name.
  if (chars.length <= 1) return MASK.repeat(chars.length);
  const latin = /\p{Script=Latin}/u.test(name);
  const last = chars.length - 1;
  return chars.map((c, i) => (i === last || (latin && !/[\p{L}\p{M}]/u.test(c)) ? c : MASK)).join("");
}

/**
 * An IP address reduced to its network: `203.0.113.9` → `203.0.113.0/24`, an IPv6 address to its
 * /48. Enough to show where a consent came from, not which machine. Anything unparsable is
 * `unknown`, never echoed.
 */
export function maskIp(ip: string): string {
  const text = ip.trim();
  const v4 = parseIpv4(text);
  if (v4 !== null) return `${v4 >>> 24}.${(v4 >>> 16) & 255}.${(v4 >>> 8) & 255}.0/24`;
  const v6 = parseIpv6(text);
  if (v6 !== null)
    return `${v6
      .slice(0, 3)
      .map((g) => g.toString(16))
      .join(":")}::/48`;
  return "unknown";
}
