// The funnel page (/staff/funnel): the last 30 days, all partners or one.
import { type Context, Hono } from "hono";
import { funnelSums } from "../db/staff-funnel";
import { listPartners } from "../db/staff-partners";
import { medianOf } from "../domain/funnel/durations";
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
  const { rows, reasons, stops, durations } = await funnelSums(c.var.db, days[0]!, partner?.id);
  const view = {
    days: DAYS,
    partner: partner && { id: partner.id, name: partner.name },
    byDay: byDay(rows, days),
    byMethod: byMethod(rows),
    reasons,
    stops,
    // Read from the duration histogram: to its buckets' resolution (src/domain/funnel/durations.ts).
    medianMs: medianOf(durations),
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
  };
  return c.html(<FunnelPage locale={staffLocale(c)} viewer={viewerOf(c)} view={view} />);
});
