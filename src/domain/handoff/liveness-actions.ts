// The prompted actions of the liveness check: two, chosen at random and in order, so a recorded
// video of someone else cannot anticipate them. Randomness is passed in to keep this pure.
export const LIVENESS_PROMPTS = ["blink", "turn_left", "turn_right", "nod", "open_mouth"] as const;
export type LivenessPrompt = (typeof LIVENESS_PROMPTS)[number];

/**
 * `random` gives uniform integers in [0, n); two distinct prompts come back. `pool` narrows the
 * choice to what the live face provider can check (some vendors know only blink and open mouth).
 */
export function choosePrompts(random: (n: number) => number, pool: readonly LivenessPrompt[] = LIVENESS_PROMPTS): [LivenessPrompt, LivenessPrompt] {
  const first = pool[random(pool.length)]!;
  const rest = pool.filter((p) => p !== first);
  return [first, rest[random(rest.length)]!];
}
