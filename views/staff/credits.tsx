// The credits kept for staff (不明来账): a filter (unmatched or refused, live or test) and a table
// of each credit as the bank booked it, the payer masked, with the verification it named if any.
import { type Locale, messageKey as k, t } from "../messages";
import { StaffPage, type StaffViewer } from "./page";

export interface KeptCredit {
  id: string;
  amount: string;
  payer: string;
  payerAccount: string;
  creditedAccount: string;
  remark: string;
  bookedAt: string;
  receivedAt: string;
  verificationId: string | null;
  reason: string | null;
}

export interface CreditsView {
  outcome: "unmatched" | "refused";
  mode: "live" | "test";
  limit: number;
  credits: KeptCredit[];
}

function Choice({ locale, name, value, options }: { locale: Locale; name: string; value: string; options: string[] }) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{t(locale, k(`staff.credits.${name}`))}</label>
      <select id={`f-${name}`} name={name}>
        {options.map((o) => (
          <option value={o} selected={o === value}>
            {t(locale, k(`staff.credits.${name}.${o}`))}
          </option>
        ))}
      </select>
    </div>
  );
}

function CreditRow({ locale, credit }: { locale: Locale; credit: KeptCredit }) {
  return (
    <tr data-credit={credit.id}>
      <td>
        {credit.bookedAt}
        <br />
        <small>{credit.id}</small>
      </td>
      <td>¥{credit.amount}</td>
      <td>
        {credit.payer}
        <br />
        <small>{credit.payerAccount}</small>
      </td>
      <td>{credit.creditedAccount}</td>
      <td>{credit.remark || "—"}</td>
      <td data-reason={credit.reason ?? ""}>{credit.reason ? t(locale, k(`staff.credits.reason.${credit.reason}`)) : t(locale, "staff.credits.reason.none")}</td>
      <td>{credit.verificationId ? <a href={`/staff/cases/${credit.verificationId}`}>{credit.verificationId}</a> : "—"}</td>
    </tr>
  );
}

export function CreditsPage({ locale, viewer, view }: { locale: Locale; viewer: StaffViewer; view: CreditsView }) {
  return (
    <StaffPage locale={locale} title={t(locale, "staff.credits")} viewer={viewer}>
      <p>{t(locale, "staff.credits.about")}</p>
      <form method="get" action="/staff/credits" class="row">
        <Choice locale={locale} name="outcome" value={view.outcome} options={["unmatched", "refused"]} />
        <Choice locale={locale} name="mode" value={view.mode} options={["live", "test"]} />
        <button type="submit">{t(locale, "staff.credits.show")}</button>
      </form>
      {view.credits.length === 0 ? (
        <p role="status">{t(locale, "staff.credits.none")}</p>
      ) : (
        <table class="data" data-table="credits">
          <caption>{t(locale, "staff.credits.caption", { n: String(view.credits.length), limit: String(view.limit) })}</caption>
          <thead>
            <tr>
              {["booked", "amount", "payer", "credited", "remark", "reason", "verification"].map((h) => (
                <th scope="col">{t(locale, k(`staff.credits.col.${h}`))}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.credits.map((credit) => (
              <CreditRow locale={locale} credit={credit} />
            ))}
          </tbody>
        </table>
      )}
    </StaffPage>
  );
}
