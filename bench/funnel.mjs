// `node bench/funnel.mjs`: the back office's funnel over 30 days of 100,000 verifications, on
// `wrangler dev` with fresh local state. Seeds the rows straight into local D1 (statuses, methods
// and days spread as a month of traffic might be, the unfinished ones with the step they were
// left at), then fills the funnel's roll-up from them with the migration's own backfill (as a
// deploy over existing verifications does), times the page's four sums on local D1, signs in
// through the development link, and times GET /staff/funnel from the client. Prints the median,
// p95 and slowest of 100 sequential loads; the target is under 200 ms.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoStaffSql, devSignInUrl } from "../scripts/seed.mjs";

const root = path.resolve(import.meta.dirname, "..");
const ROWS = Number(process.env.FUNNEL_ROWS ?? 100_000);
const STAFF_KEY = {
  kid: "bench-staff",
  kty: "EC",
  crv: "P-256",
  x: "oR0maSkPxpDMieot93grjN1a1IiXTvV13wVEl4zLULU",
  y: "3jMGfVgqJtQcNfFP2_W5AZYrbG3OqrvHhug-OVscVac",
  d: "KO4tcVdg4VMSWg39tkhPCyHalNjZlw7-DJIwJLhz8AY",
};
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
const wrangler = (args) => {
  const r = spawnSync("npx", ["wrangler", ...args], { cwd: root, env, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};
/** Runs SQL on the local D1 and returns each statement's duration in ms, as D1 measured it. */
const d1Durations = (file) => JSON.parse(wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--file", file])).map((r) => r.meta.duration);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

const state = mkdtempSync(path.join(tmpdir(), "shiming-funnel-"));
wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);

// A month of traffic: 60 % verified, 10 % failed, 12 % expired in a method, 13 % left before one, 5 % open.
const METHODS = ["mobile3", "bankcard4", "face"];
const now = Date.now();
// Twenty partners, so the roll-up holds what a service of this size would: a key per partner and day.
const PARTNERS = Array.from({ length: 20 }, (_, j) => `ptn_bench_funnel_${String(j).padStart(10, "0")}`);
const REASONS = ["name_id_mismatch", "phone_not_registered", "code_attempts_exhausted"];
const lines = [`INSERT OR IGNORE INTO partners (id, name, created_at) VALUES ${PARTNERS.map((id, j) => `('${id}', 'Bench partner ${j}', ${j})`).join(", ")};`, demoStaffSql(now)];
let values = [];
const flush = () => {
  if (values.length)
    lines.push(
      `INSERT INTO verifications (id, partner_id, livemode, type, status, methods, method, options, locale, state, failed_attempts, failure_reason, version, expires_at, created_at, updated_at, completed_at) VALUES ${values.join(",")};`,
    );
  values = [];
};
for (let i = 0; i < ROWS; i++) {
  const created = now - Math.floor(Math.random() * 30 * 86_400_000);
  const r = Math.random();
  const method = METHODS[i % 3];
  const [status, m, reason] =
    r < 0.6
      ? ["verified", method, null]
      : r < 0.7
        ? ["failed", method, REASONS[Math.floor(i / 3) % 3]]
        : r < 0.82
          ? ["expired", method, null]
          : r < 0.95
            ? ["expired", null, null]
            : ["in_progress", method, null];
  const id = `ver_bench${String(i).padStart(19, "0")}`;
  const completed = status === "in_progress" ? "NULL" : created + 60_000 + Math.floor(Math.random() * 600_000);
  const ended = status === "expired" ? { kind: status, method: m, at: m ? ["form", "sms_code"][i % 2] : "start" } : { kind: status, method: m };
  const stateJson = JSON.stringify(status === "in_progress" ? { kind: "step", method: m, step: "form", plan: ["form"] } : ended);
  values.push(
    `('${id}','${PARTNERS[i % PARTNERS.length]}',0,'person','${status}','["mobile3","bankcard4","face"]',${m ? `'${m}'` : "NULL"},'{}','zh-CN','${stateJson}',${status === "failed" ? 3 : 0},${reason ? `'${reason}'` : "NULL"},1,${created + 86_400_000},${created},${created},${completed})`,
  );
  // D1 refuses a statement over 100 KB.
  if (values.length === 250) flush();
}
flush();
const seed = path.join(state, "seed.sql");
writeFileSync(seed, lines.join("\n"));
const seededAt = Date.now();
wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--file", seed]);
console.log(`seeded ${ROWS} verifications in ${Math.round((Date.now() - seededAt) / 1000)} s`);

// The rows went in beside the writer, so the roll-up is filled as the migration fills it for a
// deployment with verifications already in D1: the same statement, from the migration itself.
const migration = readFileSync(path.join(root, "migrations/0019_funnel_rollup.sql"), "utf8");
const backfill = path.join(state, "backfill.sql");
writeFileSync(backfill, migration.slice(migration.indexOf("WITH edges")));
const [backfillMs] = d1Durations(backfill);
const rollupRows = JSON.parse(wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--command", "select count(*) as n from funnel_daily"]))[0].results[0].n;
console.log(`backfill: ${Math.round(backfillMs)} ms on local D1, ${rollupRows} roll-up rows`);

// The page's four sums (src/db/staff-funnel.ts) across partners, each as D1 times it, median of 5.
const firstDay = new Date(now + 8 * 3_600_000 - 29 * 86_400_000).toISOString().slice(0, 10);
const queries = {
  "per day, method and status": `select day, method, status, sum(n) from funnel_daily where day >= '${firstDay}' group by day, method, status having sum(n) > 0;`,
  "failure reasons": `select detail, sum(n) from funnel_daily where day >= '${firstDay}' and status = 'failed' and detail <> '' group by detail having sum(n) > 0 order by sum(n) desc limit 20;`,
  "where they stopped": `select detail, sum(n) from funnel_daily where day >= '${firstDay}' and status in ('expired', 'canceled') group by detail having sum(n) > 0 order by sum(n) desc limit 12;`,
  "time-to-verify histogram": `select bucket, sum(n) from funnel_daily where day >= '${firstDay}' and status = 'verified' group by bucket;`,
};
const sums = path.join(state, "sums.sql");
writeFileSync(sums, Object.values(queries).join("\n"));
const runs = Array.from({ length: 5 }, () => d1Durations(sums));
for (const [i, name] of Object.keys(queries).entries()) console.log(`  ${name}: ${median(runs.map((r) => r[i])).toFixed(2)} ms`);

const vars = {
  ENVIRONMENT: "test",
  ADMIN_TOKEN: "adm_bench_only_token",
  DATA_KEY: "YmVuY2gtb25seS1kYXRhLWtleS1uZXZlci1kZXBsb3khIQ==",
  STAFF_DEV_KEY: JSON.stringify(STAFF_KEY),
  SIGNING_KEYS: JSON.stringify([{ kid: "bench-ed25519", kty: "OKP", crv: "Ed25519", x: "D61_JHidctrCiyGYhMvd3ey-7AsI6M70-Onuk5kHjmA", d: "mI0-XbbC5c3Ngp8cxxs3qfGQP4aPkKDseRdpBsRqWVU" }]),
};
const args = ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--log-level", "warn"];
for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
const child = spawn("npx", args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
const base = `http://127.0.0.1:${port}`;
for (const deadline = Date.now() + 60_000; ; ) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (Date.now() > deadline) throw new Error("wrangler dev did not start");
  await new Promise((r) => setTimeout(r, 250));
}
try {
  const signIn = await fetch(await devSignInUrl(base, JSON.stringify(STAFF_KEY)), { redirect: "manual" });
  const cookie = signIn.headers.getSetCookie()[0].split(";")[0];
  const times = [];
  for (let i = 0; i < 101; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/staff/funnel`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200 || !body.includes('data-table="by-method"')) throw new Error(`the funnel answered ${res.status}`);
    if (i > 0) times.push(performance.now() - started); // the first load warms the isolate
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.ceil(times.length * 0.95) - 1];
  console.log(`GET /staff/funnel over ${ROWS} verifications: median ${Math.round(median(times))} ms, p95 ${Math.round(p95)} ms, slowest ${Math.round(times.at(-1))} ms (${times.length} loads)`);
} finally {
  process.kill(-child.pid);
}
