// Alipay's `timestamp` parameter: "yyyy-MM-dd HH:mm:ss" on the wall clock in Beijing (UTC+8, no
// daylight saving). Computed by shifting the epoch rather than through Intl, whose time-zone data
// differs between runtimes; it must never read the clock itself, so tests can fix `now`.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function beijingTimestamp(epochMs: number): string {
  const t = new Date(epochMs + BEIJING_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
  return `${date} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
}
