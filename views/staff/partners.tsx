// Admins' partner pages: the list, one partner's keys (hints; a new key shown once), webhook
// endpoints and latest deliveries, with redelivery.
import { type Locale, t } from "../messages";
import { StaffPage, type StaffViewer } from "./page";

export interface PartnerRow {
  id: string;
  name: string;
  createdAt: string;
  activeKeys: number;
  endpoints: number;
}

export function PartnersPage({ locale, viewer, partners, error }: { locale: Locale; viewer: StaffViewer; partners: PartnerRow[]; error?: boolean }) {
  return (
    <StaffPage locale={locale} title={t(locale, "staff.partners")} viewer={viewer}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t(locale, "staff.partners.name")}</th>
            <th scope="col">{t(locale, "staff.partners.keys")}</th>
            <th scope="col">{t(locale, "staff.partners.endpoints")}</th>
            <th scope="col">{t(locale, "staff.case.created")}</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr data-partner={p.id}>
              <td>
                <a href={`/staff/partners/${p.id}`}>{p.name}</a>
              </td>
              <td>{p.activeKeys}</td>
              <td>{p.endpoints}</td>
              <td>{p.createdAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t(locale, "staff.partners.add")}</h2>
      {error && (
        <p class="alert" role="alert">
          {t(locale, "staff.partners.add_failed")}
        </p>
      )}
      <form method="post" action="/staff/partners">
        <div class="field">
          <label for="f-name">{t(locale, "staff.partners.name")}</label>
          <input id="f-name" name="name" type="text" autocomplete="off" maxlength={128} required />
        </div>
        <button type="submit">{t(locale, "staff.partners.add")}</button>
      </form>
    </StaffPage>
  );
}

export interface PartnerView {
  id: string;
  name: string;
  keys: { id: string; mode: string; hint: string; createdAt: string; revoked: boolean }[];
  endpoints: { id: string; url: string; mode: string; status: string }[];
  deliveries: { eventId: string; type: string; verificationId: string; status: string; attempts: number; at: string }[];
}

export function PartnerPage({ locale, viewer, view, newKey }: { locale: Locale; viewer: StaffViewer; view: PartnerView; newKey?: string | undefined }) {
  return (
    <StaffPage locale={locale} title={view.name} viewer={viewer}>
      {newKey && (
        <div class="success" role="status" data-new-key>
          <p>{t(locale, "staff.partners.key_once")}</p>
          <p>
            <code>{newKey}</code>
          </p>
        </div>
      )}
      <h2>{t(locale, "staff.partners.keys")}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t(locale, "staff.partners.key")}</th>
            <th scope="col">{t(locale, "staff.partners.mode")}</th>
            <th scope="col">{t(locale, "staff.case.created")}</th>
            <th scope="col">
              <span class="visually-hidden">{t(locale, "staff.team.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.keys.map((k) => (
            <tr data-key={k.id}>
              <td>
                <code>{`sk_${k.mode}_…${k.hint}`}</code>
              </td>
              <td>{k.revoked ? t(locale, "staff.team.revoked") : k.mode}</td>
              <td>{k.createdAt}</td>
              <td>
                {!k.revoked && (
                  <form method="post" action={`/staff/partners/${view.id}/keys/${k.id}/revoke`}>
                    <button type="submit" class="secondary">
                      {t(locale, "staff.team.revoke")}
                      <span class="visually-hidden"> {k.hint}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action={`/staff/partners/${view.id}/keys`} class="row">
        <label for="f-mode" class="visually-hidden">
          {t(locale, "staff.partners.mode")}
        </label>
        <select id="f-mode" name="mode">
          <option value="test">test</option>
          <option value="live">live</option>
        </select>
        <button type="submit">{t(locale, "staff.partners.new_key")}</button>
      </form>
      <h2>{t(locale, "staff.partners.endpoints")}</h2>
      {view.endpoints.length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {view.endpoints.map((e) => (
            <li>{`${e.url} · ${e.mode} · ${e.status}`}</li>
          ))}
        </ul>
      )}
      <h2>{t(locale, "staff.case.deliveries")}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t(locale, "staff.case.at")}</th>
            <th scope="col">{t(locale, "staff.case.event")}</th>
            <th scope="col">{t(locale, "staff.case.id")}</th>
            <th scope="col">{t(locale, "staff.case.status")}</th>
            <th scope="col">
              <span class="visually-hidden">{t(locale, "staff.team.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.deliveries.map((d) => (
            <tr data-delivery={d.eventId}>
              <td>{d.at}</td>
              <td>{d.type}</td>
              <td>
                <a href={`/staff/cases/${d.verificationId}`}>{d.verificationId}</a>
              </td>
              <td>{`${d.status} · ${d.attempts}`}</td>
              <td>
                <form method="post" action={`/staff/partners/${view.id}/events/${d.eventId}/redeliver`}>
                  <button type="submit" class="secondary">
                    {t(locale, "staff.partners.redeliver")}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffPage>
  );
}
