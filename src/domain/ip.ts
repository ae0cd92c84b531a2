// IP address text as numbers: a dotted-quad IPv4 address, and an IPv6 address's eight 16-bit
// groups (`::` expanded). Pure and strict: anything else is null, never a guess.

export function parseIpv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

/** Hex groups with at most one `::`, no zone and no embedded dotted quad. */
export function parseIpv6(text: string): number[] | null {
  if (!/^[0-9a-fA-F:]+$/.test(text) || !text.includes(":")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  if (groups.flat().some((g) => g.length === 0 || g.length > 4)) return null;
  const [head = [], tail = []] = groups.map((gs) => gs.map((g) => Number.parseInt(g, 16)));
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || (halves.length === 2 && fill === 0)) return null;
  const all = [...head, ...new Array<number>(fill).fill(0), ...tail];
  return all.length === 8 ? all : null;
}
