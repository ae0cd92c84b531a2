// The back office's frame: the same layout, budgets and htmx as the applicant pages, with who is
// signed in and the sections their role opens.
import type { Child } from "hono/jsx";
import { Layout } from "../layout";
import { type Locale, t } from "../messages";

export interface StaffViewer {
  name: string;
  role: "reviewer" | "admin";
}

export function StaffPage({ locale, title, viewer, children }: { locale: Locale; title: string; viewer: StaffViewer; children: Child }) {
  return (
    <Layout locale={locale} title={title} wide>
      <nav class="staff-nav" aria-label={t(locale, "staff.nav")}>
        <a href="/staff">{t(locale, "staff.home")}</a>
        <a href="/staff/reviews">{t(locale, "staff.reviews")}</a>
        <a href="/staff/cases">{t(locale, "staff.cases")}</a>
        <a href="/staff/credits">{t(locale, "staff.credits")}</a>
        <a href="/staff/funnel">{t(locale, "staff.funnel")}</a>
        {viewer.role === "admin" && <a href="/staff/partners">{t(locale, "staff.partners")}</a>}
        {viewer.role === "admin" && <a href="/staff/team">{t(locale, "staff.team")}</a>}
        <span class="hint">{t(locale, "staff.signed_in_as", { name: viewer.name, role: t(locale, `staff.role.${viewer.role}`) })}</span>
      </nav>
      <section class="card" aria-labelledby="page-title">
        <h1 id="page-title">{title}</h1>
        {children}
      </section>
    </Layout>
  );
}
