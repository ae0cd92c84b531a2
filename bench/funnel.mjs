// `node bench/funnel.mjs`: the back office's funnel over 30 days of 100,000 verifications, on
// `wrangler dev` with fresh local state. Seeds the rows straight into local D1 (statuses, methods
// and days spread as a month of traffic might be, the unfinished ones with the step they were
// left at), signs in through the development link, and times GET /staff/funnel from the client.
// Prints the median and the slowest of 20 sequential loads; the target is under 200 ms.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
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
};
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
const lines = ["INSERT OR IGNORE INTO partners (id, name, created_at) VALUES ('ptn_bench_funnel_0000000000', 'Bench partner', 0);", demoStaffSql(now)];
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
    r < 0.6 ? ["verified", method, null] : r < 0.7 ? ["failed", method, "name_id_mismatch"] : r < 0.82 ? ["expired", method, null] : r < 0.95 ? ["expired", null, null] : ["in_progress", method, null];
  const id = `ver_bench${String(i).padStart(19, "0")}`;
  const completed = status === "in_progress" ? "NULL" : created + 60_000 + Math.floor(Math.random() * 600_000);
  const ended = status === "expired" ? { kind: status, method: m, at: m ? ["form", "sms_code"][i % 2] : "start" } : { kind: status, method: m };
  const stateJson = JSON.stringify(status === "in_progress" ? { kind: "step", method: m, step: "form", plan: ["form"] } : ended);
  values.push(
    `('${id}','ptn_bench_funnel_0000000000',0,'person','${status}','["mobile3","bankcard4","face"]',${m ? `'${m}'` : "NULL"},'{}','zh-CN','${stateJson}',${status === "failed" ? 3 : 0},${reason ? `'${reason}'` : "NULL"},1,${created + 86_400_000},${created},${created},${completed})`,
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
  for (let i = 0; i < 21; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/staff/funnel`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200 || !body.includes('data-table="by-method"')) throw new Error(`the funnel answered ${res.status}`);
    if (i > 0) times.push(performance.now() - started); // the first load warms the isolate
  }
  times.sort((a, b) => a - b);
  console.log(`GET /staff/funnel over ${ROWS} verifications: median ${Math.round(times[Math.floor(times.length / 2)])} ms, slowest ${Math.round(times.at(-1))} ms (20 loads)`);
} finally {
  process.kill(-child.pid);
}
