// Admins manage the staff: who may sign in, with which role; a revoked member is refused at once.
import { type Locale, t } from "../messages";
import { StaffPage, type StaffViewer } from "./page";

export interface TeamMember {
  id: string;
  email: string;
  name: string;
  role: "reviewer" | "admin";
  revoked: boolean;
}

export function TeamPage({ locale, viewer, members, error }: { locale: Locale; viewer: StaffViewer; members: TeamMember[]; error?: string | undefined }) {
  return (
    <StaffPage locale={locale} title={t(locale, "staff.team")} viewer={viewer}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t(locale, "staff.team.email")}</th>
            <th scope="col">{t(locale, "staff.team.name")}</th>
            <th scope="col">{t(locale, "staff.team.role")}</th>
            <th scope="col">
              <span class="visually-hidden">{t(locale, "staff.team.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr data-member={m.email}>
              <td>{m.email}</td>
              <td>{m.name}</td>
              <td>
                {m.revoked ? (
                  t(locale, "staff.team.revoked")
                ) : (
                  <form method="post" action={`/staff/team/${m.id}/role`} class="row">
                    <label class="visually-hidden" for={`f-role-${m.id}`}>
                      {t(locale, "staff.team.role_of", { email: m.email })}
                    </label>
                    <select id={`f-role-${m.id}`} name="role">
                      {(["reviewer", "admin"] as const).map((r) => (
                        <option value={r} selected={r === m.role}>
                          {t(locale, `staff.role.${r}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="secondary">
                      {t(locale, "staff.team.set_role")}
                      <span class="visually-hidden"> {m.email}</span>
                    </button>
                  </form>
                )}
              </td>
              <td>
                {!m.revoked && (
                  <form method="post" action={`/staff/team/${m.id}/revoke`}>
                    <button type="submit" class="secondary">
                      {t(locale, "staff.team.revoke")}
                      <span class="visually-hidden"> {m.email}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t(locale, "staff.team.add")}</h2>
      {error && (
        <p class="alert" role="alert">
          {t(locale, error === "last_admin" ? "staff.team.last_admin" : "staff.team.add_failed")}
        </p>
      )}
      <form method="post" action="/staff/team">
        <div class="field">
          <label for="f-email">{t(locale, "staff.team.email")}</label>
          <input id="f-email" name="email" type="email" autocomplete="off" required />
        </div>
        <div class="field">
          <label for="f-name">{t(locale, "staff.team.name")}</label>
          <input id="f-name" name="name" type="text" autocomplete="off" required />
        </div>
        <div class="field">
          <label for="f-role">{t(locale, "staff.team.role")}</label>
          <select id="f-role" name="role">
            <option value="reviewer">{t(locale, "staff.role.reviewer")}</option>
            <option value="admin">{t(locale, "staff.role.admin")}</option>
          </select>
        </div>
        <button type="submit">{t(locale, "staff.team.add")}</button>
      </form>
    </StaffPage>
  );
}
