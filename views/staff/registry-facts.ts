// The registry's last answer as a reviewer reads it: the evidence's fields under the facts' labels,
// a no-match's reason in words beside its code. The capability is implied by the heading.
import { isMessageKey, type Locale, t } from "../messages";
import { type Fact, FACT_LABELS, type FactLabel } from "./facts";

const isLabel = (key: string): key is FactLabel => (FACT_LABELS as readonly string[]).includes(key);

/** `answer`: the provider.call evidence's data (src/reviews/registry-answer.ts). */
export function registryFacts(locale: Locale, answer: Readonly<Record<string, unknown>>): Fact[] {
  const facts: Fact[] = [];
  for (const [key, value] of Object.entries(answer)) {
    if (!isLabel(key)) continue;
    const label = key;
    const text = typeof value === "string" ? value : JSON.stringify(value);
    const words = `staff.registry.reason.${text}`;
    facts.push([label, label === "reason" && isMessageKey(words) ? `${t(locale, words)} (${text})` : text]);
  }
  return facts;
}
