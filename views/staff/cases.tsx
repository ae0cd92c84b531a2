// Case search and one case: masked as partners see it, with its whole timeline.
import { type Locale, messageKey as k, t } from "../messages";
import { type Fact, Facts } from "./facts";
import { StaffPage, type StaffViewer } from "./page";

export interface CaseSummary {
  id: string;
  partnerName: string;
  type: string;
  status: string;
  method: string | null;
  reference: string | null;
  person: string | null;
  organization: string | null;
  createdAt: string;
}

export function CaseSearchPage({ locale, viewer, q, results }: { locale: Locale; viewer: StaffViewer; q: string; results: CaseSummary[] | null }) {
  return (
    <StaffPage locale={locale} title={t(locale, "staff.cases")} viewer={viewer}>
      <search>
        <form method="get" action="/staff/cases">
          <div class="field">
            <label for="f-q">{t(locale, "staff.search.label")}</label>
            <span class="hint" id="f-q-hint">
              {t(locale, "staff.search.hint")}
            </span>
            <div class="row">
              <div class="grow">
                <input id="f-q" name="q" type="text" value={q} autocomplete="off" aria-describedby="f-q-hint" autofocus />
              </div>
              <button type="submit">{t(locale, "staff.search.submit")}</button>
            </div>
          </div>
        </form>
      </search>
      {results && (results.length === 0 ? <p role="status">{t(locale, "staff.search.none")}</p> : <CaseTable locale={locale} rows={results} />)}
    </StaffPage>
  );
}

function CaseTable({ locale, rows }: { locale: Locale; rows: CaseSummary[] }) {
  return (
    <table class="data">
      <caption class="visually-hidden">{t(locale, "staff.search.results", { n: String(rows.length) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t(locale, "staff.case.id")}</th>
          <th scope="col">{t(locale, "staff.case.partner")}</th>
          <th scope="col">{t(locale, "staff.case.subject")}</th>
          <th scope="col">{t(locale, "staff.case.status")}</th>
          <th scope="col">{t(locale, "staff.case.created")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr data-case={r.id}>
            <td>
              <a href={`/staff/cases/${r.id}`}>{r.id}</a>
            </td>
            <td>{r.partnerName}</td>
            <td>{r.organization ?? r.person ?? "—"}</td>
            <td>{`${r.status}${r.method ? ` · ${r.method}` : ""}`}</td>
            <td>{r.createdAt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface CaseView {
  summary: CaseSummary & { failureReason: string | null; failedAttempts: number; registryStatus: string | null; parentId: string | null };
  facts: Fact[];
  events: { at: string; type: string; actor: string; data: string }[];
  consents: { at: string; kind: string; version: string; ip: string | null }[];
  deliveries: { at: string; type: string; status: string; attempts: number }[];
  children: { id: string; status: string; role: string | null }[];
  /** Its items for a person's decision (a business licence), each a link to the item. */
  reviews: { id: string; kind: string; status: "pending" | "approved" | "rejected" | "withdrawn"; reason: string | null; at: string }[];
}

function CaseReviews({ locale, reviews }: { locale: Locale; reviews: CaseView["reviews"] }) {
  if (reviews.length === 0) return null;
  return (
    <>
      <h2>{t(locale, "staff.case.reviews")}</h2>
      <ul>
        {reviews.map((r) => (
          <li data-review={r.id} data-review-status={r.status}>
            <a href={`/staff/reviews/${r.id}`}>{r.status === "pending" ? t(locale, "staff.case.review_open") : r.id}</a>
            {` · ${r.at} · ${r.kind} · ${t(locale, k(`staff.review.status.${r.status}`))}${r.reason ? ` · ${t(locale, k(`staff.review.reason.${r.reason}`))}` : ""}`}
          </li>
        ))}
      </ul>
    </>
  );
}

export function CasePage({ locale, viewer, view }: { locale: Locale; viewer: StaffViewer; view: CaseView }) {
  const s = view.summary;
  return (
    <StaffPage locale={locale} title={`${t(locale, "staff.case.title")} ${s.id}`} viewer={viewer}>
      <Facts locale={locale} rows={view.facts} status={s.status} />
      {s.parentId && (
        <p>
          {t(locale, "staff.case.parent")} <a href={`/staff/cases/${s.parentId}`}>{s.parentId}</a>
        </p>
      )}
      {view.children.length > 0 && (
        <>
          <h2>{t(locale, "staff.case.children")}</h2>
          <ul>
            {view.children.map((c) => (
              <li>
                <a href={`/staff/cases/${c.id}`}>{c.id}</a> {`${c.role ?? ""} · ${c.status}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <CaseReviews locale={locale} reviews={view.reviews} />
      <h2>{t(locale, "staff.case.timeline")}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t(locale, "staff.case.at")}</th>
            <th scope="col">{t(locale, "staff.case.event")}</th>
            <th scope="col">{t(locale, "staff.case.actor")}</th>
            <th scope="col">{t(locale, "staff.case.data")}</th>
          </tr>
        </thead>
        <tbody>
          {view.events.map((e) => (
            <tr data-event={e.type}>
              <td>{e.at}</td>
              <td>{e.type}</td>
              <td>{e.actor}</td>
              <td>
                <code>{e.data}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t(locale, "staff.case.consents")}</h2>
      <ul>
        {view.consents.map((c) => (
          <li>{`${c.at} · ${c.kind} · ${c.version} · ${c.ip ?? "—"}`}</li>
        ))}
      </ul>
      <h2>{t(locale, "staff.case.deliveries")}</h2>
      {view.deliveries.length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {view.deliveries.map((d) => (
            <li>{`${d.at} · ${d.type} · ${d.status} · ${d.attempts}`}</li>
          ))}
        </ul>
      )}
      <h2>{t(locale, "staff.case.evidence")}</h2>
      <p>
        <a href={`/staff/cases/${s.id}/evidence`}>{t(locale, "staff.case.evidence_open")}</a>
      </p>
    </StaffPage>
  );
}
