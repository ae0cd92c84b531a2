// The review queue and one item: the business licence beside the organization as typed and the
// registry's answer, the claim, and the decision form with its fixed reasons. Plain view models.
import { type Locale, type MessageKey, t } from "../messages";
import { LicenceReading, type LicenceReadingView } from "./licence-reading";
import { type Fact, Facts } from "./facts";
import { StaffPage, type StaffViewer } from "./page";

export interface QueueItem {
  id: string;
  kind: string;
  organization: string;
  partnerName: string;
  ageMinutes: number;
  /** ok, amber past 3 hours, red past the 4-hour target. */
  clock: "ok" | "amber" | "red";
  claimedBy: string | null;
}

const k = (key: string) => key as MessageKey;

export function ReviewQueuePage({ locale, viewer, items }: { locale: Locale; viewer: StaffViewer; items: QueueItem[] }) {
  return (
    <StaffPage locale={locale} title={t(locale, "staff.reviews")} viewer={viewer}>
      <p>{t(locale, "staff.reviews.about")}</p>
      {items.length === 0 ? (
        <p role="status">{t(locale, "staff.reviews.none")}</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t(locale, "staff.reviews.item")}</th>
              <th scope="col">{t(locale, "staff.reviews.organization")}</th>
              <th scope="col">{t(locale, "staff.case.partner")}</th>
              <th scope="col">{t(locale, "staff.reviews.age")}</th>
              <th scope="col">{t(locale, "staff.reviews.claimed")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr data-review={i.id}>
                <td>
                  <a href={`/staff/reviews/${i.id}`}>{t(locale, k(`staff.reviews.kind.${i.kind}`))}</a>
                </td>
                <td>{i.organization}</td>
                <td>{i.partnerName}</td>
                <td>
                  <span class={`age ${i.clock}`} data-clock={i.clock}>
                    {t(locale, "staff.reviews.age_value", { minutes: String(i.ageMinutes) })}
                  </span>
                </td>
                <td>{i.claimedBy ?? t(locale, "staff.reviews.unclaimed")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffPage>
  );
}

export interface ReviewView {
  id: string;
  /** What is reviewed: a business licence, or a corporate transfer's stamped letter (its own words, no OCR reading). */
  kind: "business_licence" | "authorization_letter";
  verificationId: string;
  status: "pending" | "approved" | "rejected" | "withdrawn";
  ageMinutes: number;
  clock: QueueItem["clock"];
  typed: Fact[];
  registry: Fact[] | null;
  /** Who holds the claim now: you (with the minutes left) or another member. */
  holder: { name: string; mine: boolean; minutesLeft: number } | null;
  licence: { url: string; pdf: boolean } | null;
  /** The licence's OCR reading beside what was typed, or why there is none. */
  reading: LicenceReadingView;
  reasons: readonly string[];
  /** Why the last action was refused: decided, claimed_by_other, not_claimed, reason_required, reason_not_of_kind. */
  refusal?: string;
}

function refusalText(locale: Locale, v: ReviewView): string | null {
  if (!v.refusal) return null;
  if (v.refusal === "decided") return t(locale, "staff.review.decided", { status: t(locale, k(`staff.review.status.${v.status === "pending" ? "approved" : v.status}`)) });
  if (v.refusal === "claimed_by_other") return t(locale, "staff.review.claimed_by_other", { name: v.holder?.name ?? "—" });
  if (v.refusal === "withdrawn") return t(locale, "staff.review.decided", { status: t(locale, "staff.review.status.withdrawn") });
  if (v.refusal === "reason_required") return t(locale, "staff.review.reason_required");
  if (v.refusal === "reason_not_of_kind") return t(locale, "staff.review.reason_not_of_kind");
  return t(locale, "staff.review.not_claimed");
}

export function ReviewPage({ locale, viewer, view: v }: { locale: Locale; viewer: StaffViewer; view: ReviewView }) {
  const refusal = refusalText(locale, v);
  const mine = v.holder?.mine === true;
  return (
    <StaffPage locale={locale} title={t(locale, k(`staff.review.title.${v.kind}`))} viewer={viewer}>
      {refusal && (
        <div class="alert" role="alert" data-refusal={v.refusal}>
          <p>{refusal}</p>
        </div>
      )}
      <p>
        <a href={`/staff/cases/${v.verificationId}`}>{v.verificationId}</a>{" "}
        <span class={`age ${v.clock}`} data-clock={v.clock}>
          {t(locale, "staff.reviews.age_value", { minutes: String(v.ageMinutes) })}
        </span>
      </p>
      {v.status !== "pending" && !refusal && <p role="status">{t(locale, "staff.review.decided", { status: t(locale, k(`staff.review.status.${v.status}`)) })}</p>}
      <h2>{t(locale, "staff.review.typed")}</h2>
      <Facts locale={locale} rows={v.typed} />
      <h2>{t(locale, "staff.review.registry")}</h2>
      {v.registry ? <Facts locale={locale} rows={v.registry} /> : <p>{t(locale, "staff.review.registry_none")}</p>}
      <h2>{t(locale, k(`staff.review.licence.${v.kind}`))}</h2>
      {v.licence &&
        (v.licence.pdf ? (
          <p>
            <a href={v.licence.url} target="_blank" rel="noopener">
              {t(locale, k(`staff.review.licence_pdf.${v.kind}`))}
            </a>
          </p>
        ) : (
          <img class="licence-image" src={v.licence.url} alt={t(locale, k(`staff.review.licence_alt.${v.kind}`))} />
        ))}
      {v.kind === "business_licence" && <LicenceReading locale={locale} view={v.reading} />}
      {v.status === "pending" && (
        <>
          <p data-holder={v.holder ? (mine ? "you" : "other") : "none"}>
            {v.holder
              ? mine
                ? t(locale, "staff.review.claimed_by_you", { minutes: String(v.holder.minutesLeft) })
                : t(locale, "staff.review.claimed_by_other", { name: v.holder.name })
              : t(locale, "staff.reviews.unclaimed")}
          </p>
          {(!v.holder || mine) && (
            <form method="post" action={`/staff/reviews/${v.id}/claim`}>
              <button type="submit" class={mine ? "secondary" : undefined}>
                {t(locale, mine ? "staff.review.renew" : "staff.review.claim")}
              </button>
            </form>
          )}
          {mine && <DecisionForm locale={locale} id={v.id} reasons={v.reasons} />}
        </>
      )}
    </StaffPage>
  );
}

function DecisionForm({ locale, id, reasons }: { locale: Locale; id: string; reasons: readonly string[] }) {
  return (
    <form method="post" action={`/staff/reviews/${id}/decision`}>
      <fieldset>
        <legend>{t(locale, "staff.review.decision")}</legend>
        <label class="check">
          <input type="radio" name="decision" value="approve" required />
          <span>{t(locale, "staff.review.approve")}</span>
        </label>
        <label class="check">
          <input type="radio" name="decision" value="reject" />
          <span>{t(locale, "staff.review.reject")}</span>
        </label>
      </fieldset>
      <div class="field">
        <label for="f-reason">{t(locale, "staff.review.reason")}</label>
        <select id="f-reason" name="reason">
          <option value="">—</option>
          {reasons.map((r) => (
            <option value={r}>{t(locale, k(`staff.review.reason.${r}`))}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-note">{t(locale, "staff.review.note")}</label>
        <input type="text" id="f-note" name="note" maxlength={500} autocomplete="off" />
      </div>
      <button type="submit">{t(locale, "staff.review.submit")}</button>
    </form>
  );
}
