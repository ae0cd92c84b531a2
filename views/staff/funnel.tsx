// The funnel: per day, stacked bars of how verifications ended (server-rendered SVG, no chart
// library), each chart with its numbers in a table beside it; per method, the failure reasons,
// where the unfinished stopped, and the median time to verify.
import { type Locale, t } from "../messages";
import { StaffPage, type StaffViewer } from "./page";

type Outcome = "verified" | "failed" | "expired" | "abandoned" | "open";
const OUTCOMES: Outcome[] = ["verified", "failed", "expired", "abandoned", "open"];
// Distinguishable for common colour-vision deficiencies, and each is named in the legend and the table.
const COLOURS: Record<Outcome, string> = { verified: "#1a7f37", failed: "#b3261e", expired: "#9a6700", abandoned: "#57606a", open: "#0b57d0" };

export interface FunnelView {
  days: number;
  partner: { id: string; name: string } | null;
  byDay: { day: string; started: number; counts: Record<Outcome, number> }[];
  byMethod: { method: string; started: number; counts: Record<Outcome, number>; passRate: number | null }[];
  reasons: { reason: string; n: number }[];
  stops: { type: string; n: number }[];
  medianMs: number | null;
  partners: { id: string; name: string }[];
}

function DayChart({ locale, rows }: { locale: Locale; rows: FunnelView["byDay"] }) {
  const width = 720;
  const height = 180;
  const max = Math.max(1, ...rows.map((r) => r.started));
  const bar = width / Math.max(1, rows.length);
  return (
    <svg viewBox={`0 0 ${width} ${height + 20}`} class="chart" role="img" aria-labelledby="chart-title">
      <title id="chart-title">{t(locale, "staff.funnel.chart")}</title>
      {rows.map((r, i) => {
        let y = height;
        return (
          <g>
            {OUTCOMES.map((o) => {
              const h = (r.counts[o] / max) * height;
              y -= h;
              return h > 0 ? <rect x={i * bar + 1} y={y} width={Math.max(1, bar - 2)} height={h} fill={COLOURS[o]} /> : null;
            })}
            {i % 5 === 0 && (
              <text x={i * bar + 1} y={height + 14} font-size="11" fill="#57606a">
                {r.day.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

function minutes(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function FunnelPage({ locale, viewer, view }: { locale: Locale; viewer: StaffViewer; view: FunnelView }) {
  const heads = OUTCOMES.map((o) => (
    <th scope="col">
      <span class="swatch" style={`background:${COLOURS[o]}`}></span>
      {t(locale, `staff.funnel.${o}`)}
    </th>
  ));
  return (
    <StaffPage locale={locale} title={t(locale, "staff.funnel")} viewer={viewer}>
      <form method="get" action="/staff/funnel" class="row">
        <div class="field grow">
          <label for="f-partner">{t(locale, "staff.case.partner")}</label>
          <select id="f-partner" name="partner">
            <option value="">{t(locale, "staff.funnel.all_partners")}</option>
            {view.partners.map((p) => (
              <option value={p.id} selected={view.partner?.id === p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t(locale, "staff.funnel.show")}</button>
      </form>
      <p>
        {t(locale, "staff.funnel.window", { days: String(view.days) })} {t(locale, "staff.funnel.median", { time: minutes(view.medianMs) })}
      </p>
      <DayChart locale={locale} rows={view.byDay} />
      <table class="data" data-table="by-day">
        <caption>{t(locale, "staff.funnel.by_day")}</caption>
        <thead>
          <tr>
            <th scope="col">{t(locale, "staff.funnel.day")}</th>
            <th scope="col">{t(locale, "staff.funnel.started")}</th>
            {heads}
          </tr>
        </thead>
        <tbody>
          {view.byDay
            .filter((d) => d.started > 0)
            .map((d) => (
              <tr>
                <th scope="row">{d.day}</th>
                <td>{d.started}</td>
                {OUTCOMES.map((o) => (
                  <td>{d.counts[o]}</td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
      <table class="data" data-table="by-method">
        <caption>{t(locale, "staff.funnel.by_method")}</caption>
        <thead>
          <tr>
            <th scope="col">{t(locale, "staff.funnel.method")}</th>
            <th scope="col">{t(locale, "staff.funnel.started")}</th>
            {heads}
            <th scope="col">{t(locale, "staff.funnel.pass_rate")}</th>
          </tr>
        </thead>
        <tbody>
          {view.byMethod.map((m) => (
            <tr data-method={m.method}>
              <th scope="row">{m.method === "none" ? t(locale, "staff.funnel.no_method") : m.method}</th>
              <td>{m.started}</td>
              {OUTCOMES.map((o) => (
                <td>{m.counts[o]}</td>
              ))}
              <td>{pct(m.passRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="data" data-table="reasons">
        <caption>{t(locale, "staff.funnel.reasons")}</caption>
        <tbody>
          {view.reasons.map((r) => (
            <tr>
              <th scope="row">{r.reason}</th>
              <td>{r.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="data" data-table="stops">
        <caption>{t(locale, "staff.funnel.stops")}</caption>
        <tbody>
          {view.stops.map((s) => (
            <tr>
              <th scope="row">{s.type}</th>
              <td>{s.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaffPage>
  );
}
