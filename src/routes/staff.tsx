// The back office (/staff): thin handlers over the staff guard, the case queries and the views.
// Every action a member takes is an audit event; a case opened is one too.
import { type Context, Hono } from "hono";
import { setCookie } from "hono/cookie";
import { z } from "zod";
import { evidenceSources } from "../db/evidence";
import { caseDetail, findCases, type StaffCase } from "../db/staff-cases";
import { getVerificationForApplicant } from "../db/verifications";
import { addStaff, isLastAdmin, listStaff, revokeStaff, setStaffRole } from "../db/staff";
import { staffRole } from "../http/admin-schemas";
import { iso } from "../domain/clock";
import type { AppEnv } from "../http/app-env";
import { accessEmail, devSignInAllowed } from "../staff/access";
import { accessSettings, DEV_COOKIE, requireStaff, sameOrigin, type StaffEnv, staffHeaders } from "../staff/guard";
import { audit, staffLocale, viewerOf } from "../staff/request";
import { caseQuery } from "../staff/search";
import { settleExpiry } from "../flow/writer";
import { evidenceRecord } from "../tokens/evidence";
import { baseUrl } from "./base-url";
import { staffReviews } from "./staff-reviews";
import { type CaseSummary, CasePage, CaseSearchPage } from "../../views/staff/cases";
import type { Fact } from "../../views/staff/facts";
import { StaffHomePage } from "../../views/staff/home";
import { TeamPage } from "../../views/staff/team";

export const staff = new Hono<StaffEnv>();

staff.use("/staff/*", staffHeaders);
staff.use("/staff", staffHeaders);
staff.use("/staff/*", sameOrigin);

/**
 * Locally only: the link `npm start` prints carries a token signed with the development key; it
 * is checked as Access's header would be, then kept in a cookie for this path. Anywhere else: 404.
 */
staff.get("/staff/dev-sign-in", async (c: Context<AppEnv>) => {
  const settings = accessSettings(c.var.config);
  if (!devSignInAllowed(settings)) return c.notFound();
  const token = c.req.query("token") ?? "";
  if (!(await accessEmail(token, settings))) return c.text("This sign-in link is not valid.", 401);
  setCookie(c, DEV_COOKIE, token, { path: "/staff", httpOnly: true, sameSite: "Strict", secure: new URL(c.req.url).protocol === "https:" });
  return c.redirect("/staff", 303);
});

staff.route("/", staffReviews);

staff.get("/staff", requireStaff(), (c) => c.html(<StaffHomePage locale={staffLocale(c)} viewer={viewerOf(c)} />));

function summary(r: StaffCase): CaseSummary {
  return {
    id: r.id,
    partnerName: r.partnerName,
    type: r.type,
    status: r.status,
    method: r.method,
    reference: r.reference,
    person: r.personNameMasked && r.personIdNumberMasked ? `${r.personNameMasked} ${r.personIdNumberMasked}` : r.personNameMasked,
    organization: r.type === "organization" ? [r.orgName, r.orgCredentialCode].filter(Boolean).join(" ") || null : null,
    createdAt: iso(r.createdAt)!,
  };
}

staff.get("/staff/cases", requireStaff(), async (c) => {
  const raw = c.req.query("q") ?? "";
  const q = await caseQuery(c.var.cipher, raw);
  if (!q) return c.html(<CaseSearchPage locale={staffLocale(c)} viewer={viewerOf(c)} q="" results={null} />);
  const rows = await findCases(c.var.db, q);
  // The audit says what kind of search it was, never an ID number or a phone.
  await audit(c, { action: "case.searched", data: { by: q.by, results: rows.length } });
  const shown = q.by === "id_number_hash" || q.by === "phone_hash" ? "" : raw;
  return c.html(<CaseSearchPage locale={staffLocale(c)} viewer={viewerOf(c)} q={shown} results={rows.map(summary)} />);
});

staff.get("/staff/cases/:id", requireStaff(), async (c) => {
  const detail = await caseDetail(c.var.db, c.req.param("id"));
  if (!detail) return c.notFound();
  await audit(c, { action: "case.viewed", objectType: "verification", objectId: detail.row.id });
  const r = detail.row;
  const base = summary(r);
  const facts: Fact[] = [
    ["partner", `${r.partnerName}${r.livemode ? "" : " (test)"}`],
    ["type", r.type],
    ["status", r.status],
    ["method", r.method ?? "—"],
    ["reference", r.reference ?? "—"],
    ...(r.type === "person"
      ? ([
          ["person", base.person ?? "—"],
          ["phone", r.personPhoneMasked ?? "—"],
        ] as Fact[])
      : []),
    ...(r.type === "organization"
      ? ([
          ["organization", base.organization ?? "—"],
          ["legal_rep", r.orgLegalRepNameMasked ?? "—"],
          ["registry_status", r.orgRegistryStatus ?? "—"],
          ["operator", `${r.operatorRole ?? "—"} ${base.person ?? ""}`.trim()],
        ] as Fact[])
      : []),
    ["failed_attempts", String(r.failedAttempts)],
    ["failure_reason", r.failureReason ?? "—"],
    ["created", iso(r.createdAt)!],
    ["completed", iso(r.completedAt) ?? "—"],
  ];
  return c.html(
    <CasePage
      locale={staffLocale(c)}
      viewer={viewerOf(c)}
      view={{
        summary: { ...base, failureReason: r.failureReason, failedAttempts: r.failedAttempts, registryStatus: r.orgRegistryStatus, parentId: r.parentId },
        facts,
        events: detail.events.map((e) => ({ at: iso(e.createdAt)!, type: e.type, actor: e.actor, data: JSON.stringify(e.data) })),
        consents: detail.consents.map((k) => ({ at: iso(k.createdAt)!, kind: k.kind, version: k.textVersion, ip: k.ipMasked })),
        deliveries: detail.deliveries.map((d) => ({ at: iso(d.createdAt)!, type: d.type, status: d.status, attempts: d.attempts })),
        children: detail.children,
        reviews: detail.reviews.map((r) => ({ id: r.id, kind: r.kind, status: r.status, reason: r.reason, at: iso(r.createdAt)! })),
      }}
    />,
  );
});

/** The evidence record partners receive signed (src/tokens/evidence.ts), as JSON for a reader: masked as theirs is, the look audited. */
staff.get("/staff/cases/:id/evidence", requireStaff(), async (c) => {
  const read = await getVerificationForApplicant(c.var.db, c.req.param("id"));
  if (!read) return c.notFound();
  // As the partner's evidence route does: an overdue row is told as expired.
  const row = await settleExpiry({ db: c.var.db, env: c.env }, read, c.var.now);
  await audit(c, { action: "evidence.viewed", objectType: "verification", objectId: row.id });
  return c.json(evidenceRecord(baseUrl(c), row, await evidenceSources(c.var.db, row), c.var.now));
});

async function teamPage(c: Context<StaffEnv>, error?: string, status: 200 | 422 = 200) {
  const members = (await listStaff(c.var.db)).map((m) => ({ id: m.id, email: m.email, name: m.name, role: m.role, revoked: m.revokedAt !== null }));
  return c.html(<TeamPage locale={staffLocale(c)} viewer={viewerOf(c)} members={members} error={error} />, status);
}

staff.get("/staff/team", requireStaff(["admin"]), (c) => teamPage(c));

const newMember = z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(64), role: staffRole });

staff.post("/staff/team", requireStaff(["admin"]), async (c) => {
  const parsed = newMember.safeParse(Object.fromEntries(await c.req.formData().catch(() => new FormData())));
  if (!parsed.success) return teamPage(c, "invalid", 422);
  const added = await addStaff(c.var.db, parsed.data, c.var.now);
  if (!added) return teamPage(c, "exists", 422);
  await audit(c, { action: "staff.added", objectType: "staff", objectId: added.id, data: { role: added.role } });
  return c.redirect("/staff/team", 303);
});

staff.post("/staff/team/:id/role", requireStaff(["admin"]), async (c) => {
  const id = c.req.param("id");
  const parsed = staffRole.safeParse((await c.req.formData().catch(() => new FormData())).get("role"));
  if (!parsed.success) return teamPage(c, "invalid", 422);
  if (!(await setStaffRole(c.var.db, id, parsed.data))) return teamPage(c, (await isLastAdmin(c.var.db, id)) ? "last_admin" : "invalid", 422);
  await audit(c, { action: "staff.role_set", objectType: "staff", objectId: id, data: { role: parsed.data } });
  return c.redirect("/staff/team", 303);
});

staff.post("/staff/team/:id/revoke", requireStaff(["admin"]), async (c) => {
  const id = c.req.param("id");
  if (await revokeStaff(c.var.db, id, c.var.now)) await audit(c, { action: "staff.revoked", objectType: "staff", objectId: id });
  else if (await isLastAdmin(c.var.db, id)) return teamPage(c, "last_admin", 422);
  return c.redirect("/staff/team", 303);
});
