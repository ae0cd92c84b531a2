// The back office's first page: who is signed in and where to go.
import { type Locale, t } from "../messages";
import { StaffPage, type StaffViewer } from "./page";

export function StaffHomePage({ locale, viewer }: { locale: Locale; viewer: StaffViewer }) {
  return (
    <StaffPage locale={locale} title={t(locale, "staff.title")} viewer={viewer}>
      <ul>
        <li>
          <a href="/staff/cases">{t(locale, "staff.cases")}</a> — {t(locale, "staff.cases.about")}
        </li>
        {viewer.role === "admin" && (
          <li>
            <a href="/staff/team">{t(locale, "staff.team")}</a> — {t(locale, "staff.team.about")}
          </li>
        )}
      </ul>
    </StaffPage>
  );
}
