// The licence's OCR reading beside what the operator typed, on the reviewer's item page: one real
// table with row and column headers, each compared row marked in words (一致 / 不一致) as well as
// by a sign, never by colour alone; then the warnings. A reading helps, it never decides: the
// texts send the reviewer back to the picture.
import { type Locale, type MessageKey, t } from "../messages";

export const READING_FIELDS = ["name", "credit_code", "legal_rep_name", "type", "address", "registered_capital", "established_on", "business_term"] as const;
export type ReadingField = (typeof READING_FIELDS)[number];

export type LicenceReadingView =
  | {
      kind: "read";
      /** `typed` null: the operator is not asked for it, so there is nothing to compare. */
      rows: { field: ReadingField; typed: string | null; read: string; match: boolean | null }[];
      warnings: string[];
    }
  | { kind: "not_configured" }
  | { kind: "failed"; reason: "unavailable" | "unreadable" | "not_a_licence" | "unsupported_file" };

const k = (key: string) => key as MessageKey;

export function LicenceReading({ locale, view }: { locale: Locale; view: LicenceReadingView }) {
  return (
    <section aria-labelledby="licence-reading">
      <h2 id="licence-reading">{t(locale, "staff.review.reading")}</h2>
      {view.kind === "not_configured" && <p data-reading="not_configured">{t(locale, "staff.review.reading.not_configured")}</p>}
      {view.kind === "failed" && <p data-reading="failed">{t(locale, "staff.review.reading.failed", { reason: t(locale, k(`staff.review.reading.failed.${view.reason}`)) })}</p>}
      {view.kind === "read" && <ReadingTable locale={locale} view={view} />}
    </section>
  );
}

function ReadingTable({ locale, view }: { locale: Locale; view: Extract<LicenceReadingView, { kind: "read" }> }) {
  return (
    <>
      <table class="data" data-reading="read">
        <caption>{t(locale, "staff.review.reading.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t(locale, "staff.review.reading.field")}</th>
            <th scope="col">{t(locale, "staff.review.reading.typed")}</th>
            <th scope="col">{t(locale, "staff.review.reading.read")}</th>
            <th scope="col">{t(locale, "staff.review.reading.compare")}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr data-field={r.field}>
              <th scope="row">{t(locale, k(`staff.review.reading.field.${r.field}`))}</th>
              <td>{r.typed ?? t(locale, "staff.review.reading.not_typed")}</td>
              <td>{r.read === "" ? t(locale, "staff.review.reading.not_read") : r.read}</td>
              <td data-match={r.match === null ? "none" : r.match ? "matches" : "differs"}>
                {r.match === null ? (
                  "—"
                ) : (
                  <>
                    <span aria-hidden="true">{r.match ? "✓ " : "✗ "}</span>
                    {t(locale, r.match ? "staff.review.reading.matches" : "staff.review.reading.differs")}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.warnings.length > 0 && (
        <>
          <h3>{t(locale, "staff.review.reading.warnings")}</h3>
          <ul data-warnings>
            {view.warnings.map((w) => (
              <li data-warning={w}>{t(locale, k(`staff.review.reading.warning.${w}`))}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
