// Time to verify as a histogram of fixed, log-spaced buckets, so the funnel's median is read from a
// few dozen counts instead of sorting every verified row. Pure. The edges are written out in the
// backfill of migrations/0019_funnel_rollup.sql as well: changing them needs a new migration that
// rebuilds the roll-up's buckets (a unit test holds the two together).

/** Bucket edges in ms: 1 s × 2^(k/4), k = 0…68, so each bucket is about 19 % wider than the last; past 36 h is one open bucket. */
export const DURATION_EDGES: readonly number[] = Array.from({ length: 69 }, (_, k) => Math.round(1000 * 2 ** (k / 4)));

/** The roll-up's bucket of a verified one whose time is not known (a row without completed_at). */
export const UNKNOWN_BUCKET = -1;

/** How many edges are at or below `ms`: bucket b holds [edge b−1, edge b), bucket 0 under 1 s. */
export function bucketOf(ms: number): number {
  let lo = 0;
  let hi = DURATION_EDGES.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (DURATION_EDGES[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The (lower) median of a histogram, interpolated linearly inside its bucket: exact to the
 * bucket's width (about 19 %), closer where the bucket's times are spread evenly. Null when empty.
 */
export function medianOf(histogram: readonly { bucket: number; n: number }[]): number | null {
  const known = histogram.filter((h) => h.bucket !== UNKNOWN_BUCKET && h.n > 0).sort((a, b) => a.bucket - b.bucket);
  const total = known.reduce((sum, h) => sum + h.n, 0);
  if (total === 0) return null;
  const rank = Math.floor((total - 1) / 2);
  let below = 0;
  for (const { bucket, n } of known) {
    if (below + n > rank) {
      const lo = bucket === 0 ? 0 : DURATION_EDGES[bucket - 1]!;
      const hi = DURATION_EDGES[bucket];
      // The open last bucket has no upper edge: its lower edge is the best that can be said.
      return hi === undefined ? lo : lo + ((hi - lo) * (rank - below + 0.5)) / n;
    }
    below += n;
  }
  return null;
}
