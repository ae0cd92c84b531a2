// The funnel page (/staff/funnel): the last 30 days, all partners or one.
import { type Context, Hono } from "hono";
import { failureReasons, funnelRows, medianTimeToVerify, stopPoints } from "../db/staff-funnel";
import { listPartners } from "../db/staff-partners";
import { byDay, byMethod, windowDays } from "../staff/funnel";
import { requireStaff, type StaffEnv, staffHeaders } from "../staff/guard";
import { staffLocale, viewerOf } from "../staff/request";
import { FunnelPage } from "../../views/staff/funnel";

export const staffFunnel = new Hono<StaffEnv>();

const DAYS = 30;

staffFunnel.get("/staff/funnel", staffHeaders, requireStaff(), async (c: Context<StaffEnv>) => {
  const partners = await listPartners(c.var.db);
  const partner = partners.find((p) => p.id === c.req.query("partner")) ?? null;
  const days = windowDays(c.var.now, DAYS);
  // Midnight, Beijing, of the window's first day.
  const since = Date.parse(`${days[0]}T00:00:00+08:00`);
  const rows = await funnelRows(c.var.db, since, partner?.id);
  const verified = rows.filter((r) => r.status === "verified").reduce((sum, r) => sum + r.n, 0);
  const [reasons, median, stops] = await Promise.all([
    failureReasons(c.var.db, since, partner?.id),
    medianTimeToVerify(c.var.db, since, verified, partner?.id),
    stopPoints(c.var.db, since, partner?.id),
  ]);
  const view = {
    days: DAYS,
    partner: partner && { id: partner.id, name: partner.name },
    byDay: byDay(rows, days),
    byMethod: byMethod(rows),
    reasons: reasons.map((r) => ({ reason: r.reason ?? "", n: r.n })),
    stops,
    medianMs: median,
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
  };
  return c.html(<FunnelPage locale={staffLocale(c)} viewer={viewerOf(c)} view={view} />);
});
