// A record's facts as a definition list, each label in the page's language (staff.fact.*); the
// values stay as the API spells them (statuses, methods, codes), the words partners quote on a call.
import { type Locale, messageKey, t } from "../messages";

export const FACT_LABELS = [
  "partner",
  "type",
  "status",
  "method",
  "reference",
  "person",
  "phone",
  "organization",
  "credit_code",
  "legal_rep",
  "legal_rep_id_number",
  "registry_status",
  "operator",
  "failed_attempts",
  "failure_reason",
  "created",
  "completed",
  "provider",
  "outcome",
  "serial",
  "reason",
  "elements",
  "detail",
] as const;
export type FactLabel = (typeof FACT_LABELS)[number];
export type Fact = [FactLabel, string];

export function Facts({ locale, rows, status }: { locale: Locale; rows: readonly Fact[]; status?: string }) {
  return (
    <dl class="summary" data-case-status={status}>
      {rows.map(([label, value]) => (
        <>
          <dt>{t(locale, messageKey(`staff.fact.${label}`))}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
