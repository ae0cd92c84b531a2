// `npm run bench`: the service's own speed. Starts its own `wrangler dev` (fresh local state, the
// bench flag on), loads each route with autocannon, reads each response's D1 round trips from the
// instrumented database layer (x-d1-queries), walks complete verifications once to count what one
// costs and the SMS messages and provider calls it takes (bench/provider-walk.mjs), prints a table, and writes bench/out/last-run.json and bench/README.md's "Last measured".
// Never asserts absolute timings: compare a route with the trivial route of the same run.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { PNG } from "pngjs";
import { demoPartnerSql } from "../scripts/seed.mjs";
import { providerWalk, renderProviderRows } from "./provider-walk.mjs";

const root = path.resolve(import.meta.dirname, "..");
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const KEY = "sk_test_bench000000000000000000000000";
const SIGNING_KEYS = [{ kid: "bench-ed25519", kty: "OKP", crv: "Ed25519", x: "D61_JHidctrCiyGYhMvd3ey-7AsI6M70-Onuk5kHjmA", d: "mI0-XbbC5c3Ngp8cxxs3qfGQP4aPkKDseRdpBsRqWVU" }];
const TARGET = { d1PerRequest: 2, ratioToTrivial: 0.5, handoffP99Ms: 1000 };
const IDENTITY = { name: "张三", idNumber: "110101199003071233", cardNumber: "6222021234567890128" }; // TEST_IDENTITIES[0]

// ── the service ────────────────────────────────────────────────────────────────────────────
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
const wrangler = (args) => {
  const r = spawnSync("npx", ["wrangler", ...args], { cwd: root, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
};

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * The bench Worker's config: production's wrangler.toml with bench/worker.ts (the app wrapped in
 * the instrumentation) as its entry, written beside local state so it is never committed or deployed.
 */
function benchConfig() {
  const dir = path.join(root, ".wrangler");
  mkdirSync(dir, { recursive: true });
  const config = readFileSync(path.join(root, "wrangler.toml"), "utf8")
    .replace(/^main = "src\/index\.ts"$/m, 'main = "../bench/worker.ts"')
    .replace(/^directory = "public"$/m, 'directory = "../public"')
    .replace(/^migrations_dir = "migrations"$/m, 'migrations_dir = "../migrations"')
    // Module aliases are relative to the config's folder too.
    .replace(/^("[^"]+" = )"\.\/src\//gm, '$1"../src/');
  if (!config.includes("../bench/worker.ts")) throw new Error("wrangler.toml no longer has the main this bench rewrites");
  const file = path.join(dir, "bench-wrangler.toml");
  writeFileSync(file, config);
  return file;
}

async function startService() {
  const state = mkdtempSync(path.join(tmpdir(), "shiming-bench-"));
  const port = await freePort();
  const config = benchConfig();
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--config", config, "--persist-to", state]);
  writeFileSync(path.join(state, "seed.sql"), demoPartnerSql(KEY));
  wrangler(["d1", "execute", "DB", "--local", "--config", config, "--persist-to", state, "--file", path.join(state, "seed.sql")]);
  const vars = {
    ENVIRONMENT: "test",
    BENCH_COUNT_QUERIES: "1",
    ADMIN_TOKEN: "adm_bench_only_token",
    DATA_KEY: "YmVuY2gtb25seS1kYXRhLWtleS1uZXZlci1kZXBsb3khIQ==",
    SIGNING_KEYS: JSON.stringify(SIGNING_KEYS),
  };
  const args = ["wrangler", "dev", "--config", config, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--log-level", "warn"];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const child = spawn("npx", args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/__bench/ping`)).ok) break;
    } catch {}
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    rmSync(state, { recursive: true, force: true });
  };
  return { base, stop, pid: child.pid, log: () => log };
}

// CPU time of the workerd processes under our wrangler dev (the Worker, and also the local D1 and
// Durable Object simulators, which run in the same processes): an upper bound of the Worker's CPU.
const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
function processTree(rootPid) {
  const parent = new Map();
  const name = new Map();
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(p), Number(rest[1]));
      name.set(Number(p), stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
    } catch {}
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === rootPid) return true;
    return false;
  };
  return [...name].filter(([pid, n]) => n.startsWith("workerd") && inTree(pid)).map(([pid]) => pid);
}
function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const rest = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(rest[11]) + Number(rest[12]); // utime, stime
    } catch {}
  }
  return (ticks * 1000) / CLK_TCK;
}

// ── inputs that never trip the SMS limits ──────────────────────────────────────────────────
// Each send gets a phone of its own (one code a minute, five an hour per phone) and a client IP of
// its own (thirty an hour per IP; the limiter trusts CF-Connecting-IP, as behind Cloudflare). Phone
// endings the sandbox reads as failures (0002, 0006, 0009) are skipped.
let phoneSeq = 0;
function nextPhone() {
  for (;;) {
    const p = String(15900000000 + phoneSeq++);
    if (!["0002", "0006", "0009"].includes(p.slice(-4))) return p;
  }
}
let ipSeq = 0;
const nextIp = () => {
  const i = ++ipSeq;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
};
const form = (fields) => new URLSearchParams(fields).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const HTMX = { "hx-request": "true" };

// ── load ───────────────────────────────────────────────────────────────────────────────────
const header = (headers, name) => {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === name) return Array.isArray(v) ? v[0] : v;
  return undefined;
};

/** One autocannon run; `request` is a function answering each next request (or one fixed request). */
async function load(base, name, { expect, request, amount, onResponse }) {
  const d1 = [];
  const statuses = {};
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    ...(amount ? { amount } : { duration: SECONDS }),
    requests: [
      {
        setupRequest: (req) => ({ ...req, ...request() }),
        onResponse: (status, body, _ctx, headers) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          const q = header(headers, "x-d1-queries");
          if (q !== undefined) d1.push(Number(q));
          onResponse?.(status, body, headers);
        },
      },
    ],
  });
  const unexpected = Object.entries(statuses)
    .filter(([s]) => Number(s) !== expect)
    .reduce((n, [, c]) => n + c, 0);
  return {
    route: name,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    d1Mean: d1.length ? d1.reduce((a, b) => a + b, 0) / d1.length : null,
    d1Max: d1.length ? Math.max(...d1) : null,
    unexpected,
    errors: result.errors + result.timeouts,
    statuses,
  };
}

/** A request as the partner (with the test key) or, with `partner: false`, as the applicant's browser. */
async function api(base, p, { method = "GET", body, headers = {}, partner = true } = {}) {
  const res = await fetch(`${base}${p}`, {
    method,
    redirect: "manual",
    headers: { ...(partner ? { authorization: `Bearer ${KEY}` } : {}), ...(body && typeof body === "object" && !(body instanceof FormData) ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" || body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers };
}

async function pool(items, concurrency, work) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

async function codeFor(base, phone) {
  const { text } = await api(base, `/v1/test_helpers/sms?phone=${phone}`);
  return /验证码为(\d{6})/.exec(text)?.[1];
}

async function routes(base) {
  const results = [];
  const warm = async (p, init) => {
    for (let i = 0; i < 20; i++) await api(base, p, init);
  };
  await warm("/__bench/ping");
  results.push(await load(base, "trivial route (constant string)", { expect: 200, request: () => ({ method: "GET", path: "/__bench/ping" }) }));

  // POST /v1/verifications: each a new verification; their ids feed the applicant routes below.
  const ids = [];
  const create = JSON.stringify({ type: "person", methods: ["mobile3"] });
  results.push(
    await load(base, "POST /v1/verifications", {
      expect: 201,
      request: () => ({ method: "POST", path: "/v1/verifications", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body: create }),
      onResponse: (status, body) => {
        if (status === 201) ids.push(JSON.parse(body).id);
      },
    }),
  );

  results.push(await load(base, "GET the hosted page", { expect: 200, request: () => ({ method: "GET", path: `/v/${ids[0]}` }) }));

  // Send an SMS code (sandbox), as htmx does: each to a verification of its own while they last.
  const sent = [];
  let at = 0;
  results.push(
    await load(base, "send an SMS code (sandbox)", {
      expect: 200,
      request: () => {
        const i = at++;
        const send = { id: ids[i % ids.length], phone: nextPhone(), ip: nextIp(), first: i < ids.length };
        sent.push(send);
        return { method: "POST", path: `/v/${send.id}/authorize`, headers: { ...FORM, ...HTMX, "cf-connecting-ip": send.ip }, body: form({ action: "send_code", phone: send.phone }) };
      },
    }),
  );

  // Check a code: app authorization with the right code, one per verification (a second sign-in to
  // the same verification at the same moment would be a version conflict, not a benchmark).
  const pairs = sent.filter((s) => s.first);
  const codes = await pool(pairs, 20, (p) => codeFor(base, p.phone));
  const checks = pairs.map((p, i) => ({ ...p, code: codes[i] })).filter((p) => p.code);
  if (checks.length < CONNECTIONS) throw new Error(`only ${checks.length} codes were sent: nothing to check`);
  let c = 0;
  results.push(
    await load(base, "check a code", {
      expect: 200,
      amount: checks.length,
      request: () => {
        const p = checks[c++ % checks.length];
        return {
          method: "POST",
          path: `/v/${p.id}/authorize`,
          headers: { ...FORM, ...HTMX, "cf-connecting-ip": p.ip },
          body: form({ action: "authorize", phone: p.phone, code: p.code, consent: "yes" }),
        };
      },
    }),
  );

  // Open a handoff link: each link opens once, so the run is sized by the links prepared.
  const links = await pool(Array.from({ length: Number(process.env.BENCH_LINKS ?? 300) }), 20, () => faceAtPhoneStep(base));
  let l = 0;
  results.push(
    await load(base, "open a handoff link", {
      expect: 303,
      amount: links.length,
      request: () => ({ method: "GET", path: new URL(links[l++].link).pathname, headers: { "cf-connecting-ip": nextIp() } }),
    }),
  );

  results.push(await load(base, "GET /v1/verifications/{id}", { expect: 200, request: () => ({ method: "GET", path: `/v1/verifications/${ids[1]}`, headers: { authorization: `Bearer ${KEY}` } }) }));
  return results;
}

// ── handoff sessions held open at once ───────────────────────────────────────────────────
/** A face verification on the desktop at "continue on your phone": its desktop cookie and phone link. */
async function faceAtPhoneStep(base) {
  const created = await api(base, "/v1/verifications", { method: "POST", body: { type: "person", methods: ["face"] } });
  const id = JSON.parse(created.text).id;
  const ip = nextIp();
  const phone = nextPhone();
  const post = (p, fields, cookie = "") => api(base, p, { method: "POST", partner: false, body: form(fields), headers: { ...FORM, "cf-connecting-ip": ip, ...(cookie ? { cookie } : {}) } });
  await post(`/v/${id}/authorize`, { action: "send_code", phone });
  const signed = await post(`/v/${id}/authorize`, { action: "authorize", phone, code: await codeFor(base, phone), consent: "yes" });
  const cookie = signed.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  await post(`/v/${id}/methods/face`, { consent: "yes", name: IDENTITY.name, id_number: IDENTITY.idNumber }, cookie);
  const page = await api(base, `/v/${id}`, { partner: false, headers: { cookie } });
  const link = /data-link[^>]*>([^<]+)</.exec(page.text)?.[1];
  if (!link) throw new Error(`no handoff link for ${id}`);
  return { id, cookie, link };
}

// A WebM header is all the sandbox face check needs: it never decodes the clip.
const CLIP = new Blob([Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, ...new Array(2048).fill(7)])], { type: "video/webm" });

/**
 * BENCH_HANDOFF_SESSIONS (2,000) desktops listen at once, each on its own WebSocket; then each
 * phone opens its link, consents and uploads its clip. The figure is the time from the phone's
 * upload being sent to its desktop receiving "verified" (an upper bound on the push delay: the
 * clip's own check is inside it), taken while every other session stays open.
 */
async function handoffSessions(base) {
  const total = Number(process.env.BENCH_HANDOFF_SESSIONS ?? 2000);
  const started = Date.now();
  const sessions = await pool(Array.from({ length: total }), 24, () => faceAtPhoneStep(base));
  const wsBase = base.replace(/^http/, "ws");
  const listeners = await pool(
    sessions,
    50,
    (s) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${wsBase}/v/${s.id}/handoff/live`, { headers: { cookie: s.cookie } });
        const listener = { ws, verifiedAt: null, waiters: [] };
        ws.onmessage = (e) => {
          if (JSON.parse(e.data).state === "verified" && listener.verifiedAt === null) {
            listener.verifiedAt = performance.now();
            for (const w of listener.waiters) w();
          }
        };
        ws.onopen = () => resolve(listener);
        ws.onerror = () => reject(new Error(`desktop listener for ${s.id} failed`));
      }),
  );
  const open = listeners.filter((l) => l.ws.readyState === WebSocket.OPEN).length;
  const delays = await pool(
    sessions.map((s, i) => ({ s, listener: listeners[i] })),
    20,
    async ({ s, listener }) => {
      const opened = await fetch(s.link, { redirect: "manual" });
      const cookie = opened.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      await api(base, "/p/consent", { method: "POST", partner: false, headers: { cookie } });
      const fd = new FormData();
      fd.set("clip", CLIP, "clip");
      const sentAt = performance.now();
      const res = await api(base, "/p/clip", { method: "POST", partner: false, body: fd, headers: { cookie } });
      const answeredAt = performance.now();
      if (!res.text.includes("verified")) throw new Error(`clip for ${s.id}: ${res.text.slice(0, 200)}`);
      if (listener.verifiedAt === null)
        await new Promise((r) => {
          listener.waiters.push(r);
          setTimeout(r, 5000);
        });
      if (listener.verifiedAt === null) return { fromResult: Infinity, fromUpload: Infinity };
      // The object pushes before the Worker answers the phone, so the desktop often knows first (0).
      return { fromResult: Math.max(0, listener.verifiedAt - answeredAt), fromUpload: listener.verifiedAt - sentAt };
    },
  );
  for (const l of listeners) l.ws.close();
  const quantiles = (values) => {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    return (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  };
  const result = quantiles(delays.map((d) => d.fromResult));
  const upload = quantiles(delays.map((d) => d.fromUpload));
  const updates = delays.filter((d) => Number.isFinite(d.fromResult)).length;
  return {
    sessions: total,
    listenersOpen: open,
    updates,
    missed: delays.length - updates,
    p50Ms: result(0.5),
    p99Ms: result(0.99),
    uploadP50Ms: upload(0.5),
    uploadP99Ms: upload(0.99),
    setupSeconds: Math.round((Date.now() - started) / 1000),
  };
}

// ── one complete verification, metered ─────────────────────────────────────────────────────
function photo() {
  // A plain 320×200 PNG: the sandbox OCR reads any real image as the default test identity.
  const png = new PNG({ width: 320, height: 200 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

/** Runs one verification through its hosted flow as a browser with htmx would; answers what each request cost. */
async function walk(base, method) {
  const meter = { "x-bench-meter": "1" };
  const costs = [];
  const ip = nextIp();
  const step = async (what, p, init = {}) => {
    const r = await api(base, p, { ...init, partner: what.startsWith("partner"), headers: { ...meter, "cf-connecting-ip": ip, ...(init.headers ?? {}) } });
    if (r.status >= 400) throw new Error(`${method}: ${what} answered ${r.status}: ${r.text.slice(0, 300)}`);
    costs.push({ what, status: r.status, ...JSON.parse(r.headers.get("x-bench-counts") ?? "{}"), trips: JSON.parse(r.headers.get("x-bench-trips") ?? "[]") });
    return r;
  };
  const options = method === "bankcard4" ? { collect_id_images: true } : {};
  const created = await step("partner: create", "/v1/verifications", { method: "POST", body: { type: "person", methods: [method], options, redirect_url: "https://partner.example/back" } });
  const id = JSON.parse(created.text).id;
  await step("applicant: open the link", `/v/${id}`);
  const signIn = nextPhone();
  await step("applicant: ask for a code", `/v/${id}/authorize`, { method: "POST", body: form({ action: "send_code", phone: signIn }), headers: { ...FORM, ...HTMX } });
  const authorized = await step("applicant: sign in and authorize", `/v/${id}/authorize`, {
    method: "POST",
    body: form({ action: "authorize", phone: signIn, code: await codeFor(base, signIn), consent: "yes" }),
    headers: { ...FORM, ...HTMX },
  });
  const cookie = authorized.headers
    .getSetCookie()
    .map((s) => s.split(";")[0])
    .join("; ");
  const own = { ...HTMX, cookie };
  const phone = nextPhone();
  const fields = { consent: "yes", name: IDENTITY.name, id_number: IDENTITY.idNumber, ...(method === "bankcard4" ? { card_number: IDENTITY.cardNumber } : {}), phone };
  await step("applicant: submit the form", `/v/${id}/methods/${method}`, { method: "POST", body: form(fields), headers: { ...FORM, ...own } });
  let done = await step("applicant: submit the code", `/v/${id}/methods/${method}/code`, {
    method: "POST",
    body: form({ action: "confirm", code: await codeFor(base, phone) }),
    headers: { ...FORM, ...own },
  });
  if (done.text.includes('data-step="id_photos"')) {
    // bankcard4 with ID photos: both sides uploaded from the desktop (the phone can take them too).
    const fd = new FormData();
    fd.set("id_front", new Blob([photo()], { type: "image/png" }), "front.png");
    fd.set("id_back", new Blob([photo()], { type: "image/png" }), "back.png");
    done = await step("applicant: upload the ID photos", `/v/${id}/id-photos`, { method: "POST", body: fd, headers: own });
  }
  if (!done.text.includes('data-status="verified"'))
    throw new Error(
      `${method}: did not end verified:\n${done.text
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .slice(0, 600)}`,
    );
  await step("partner: retrieve", `/v1/verifications/${id}`);
  return costs;
}

async function costWalk(base, pid) {
  const workerd = processTree(pid);
  const out = {};
  for (const method of ["mobile3", "bankcard4"]) {
    await walk(base, method); // warm
    const runs = 5;
    const before = cpuMs(workerd);
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await walk(base, method));
    const cpu = (cpuMs(workerd) - before) / runs;
    const sum = (k) => all.reduce((s, costs) => s + costs.reduce((t, c) => t + (c[k] ?? 0), 0), 0) / runs;
    out[method] = {
      workerRequests: all[0].length,
      cpuMsUpperBound: cpu,
      d1RoundTrips: sum("d1"),
      d1Statements: sum("d1Statements"),
      rowsRead: sum("rowsRead"),
      rowsWritten: sum("rowsWritten"),
      rowsUnmetered: sum("rowsUnmetered"),
      doRequests: sum("doRequests"),
      doMs: sum("doMs"),
      r2ClassA: sum("r2ClassA"),
      r2ClassB: sum("r2ClassB"),
      r2BytesPut: sum("r2BytesPut"),
      queueMessages: sum("queueMessages"),
      perRequest: all[0].map(({ what, d1, doRequests, r2ClassA, trips }) => ({ what, d1, doRequests, r2ClassA, trips })),
    };
  }
  return out;
}

// ── prices (USD), Cloudflare's published list prices beyond the Workers Paid plan's inclusions ──
const PRICE = {
  workerRequest: 0.3 / 1e6,
  workerCpuMs: 0.02 / 1e6,
  doRequest: 0.15 / 1e6,
  doGbSecond: 12.5 / 1e6,
  d1RowRead: 0.001 / 1e6,
  d1RowWritten: 1.0 / 1e6,
  r2ClassA: 4.5 / 1e6,
  r2ClassB: 0.36 / 1e6,
  r2GbMonth: 0.015,
  queueOperation: 0.4 / 1e6,
};
const RETENTION_HOURS = 24; // MEDIA_RETENTION_HOURS default: photos and clips are deleted within a day

function cost(c) {
  const lines = {
    "Workers requests": c.workerRequests * PRICE.workerRequest,
    "Workers CPU (upper bound)": c.cpuMsUpperBound * PRICE.workerCpuMs,
    "Durable Object requests": c.doRequests * PRICE.doRequest,
    "Durable Object duration (128 MB × time in calls)": (c.doMs / 1000) * 0.128 * PRICE.doGbSecond,
    "D1 rows read": c.rowsRead * PRICE.d1RowRead,
    "D1 rows written": c.rowsWritten * PRICE.d1RowWritten,
    "R2 class A (writes)": c.r2ClassA * PRICE.r2ClassA,
    "R2 class B (reads)": c.r2ClassB * PRICE.r2ClassB,
    [`R2 storage for ${RETENTION_HOURS} h`]: (c.r2BytesPut / 1e9) * PRICE.r2GbMonth * (RETENTION_HOURS / (30 * 24)),
    "Queues (3 operations per message)": c.queueMessages * 3 * PRICE.queueOperation,
  };
  return { lines, total: Object.values(lines).reduce((a, b) => a + b, 0) };
}

// ── report ─────────────────────────────────────────────────────────────────────────────────
function machine() {
  const cpu = cpus()[0]?.model ?? "unknown";
  const version = (cmd, args) => spawnSync(cmd, args, { cwd: root, env, encoding: "utf8" }).stdout.trim().split("\n").pop();
  return {
    date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    cores: cpus().length,
    cpu,
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    wrangler: version("npx", ["wrangler", "--version"]),
    connections: CONNECTIONS,
    seconds: SECONDS,
    loadBefore: loadavg()[0],
  };
}

const fmt = (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? "–" : n.toFixed(d));
const usd = (n) => (n === 0 ? "0" : n < 1e-6 ? n.toExponential(2) : n.toFixed(7));

function render(run) {
  const trivial = run.routes[0];
  const misses = [];
  const rows = run.routes.map((r) => {
    if (r.notMeasured) return `| ${r.route} | not measured yet | | | | | |`;
    const ratio = r.rps / trivial.rps;
    const miss = [];
    if (r !== trivial && ratio < TARGET.ratioToTrivial) miss.push(`${fmt(ratio, 2)}× the trivial route`);
    if (r.d1Max !== null && r.d1Max > TARGET.d1PerRequest) miss.push(`${r.d1Max} D1 round trips`);
    if (miss.length) misses.push(`- **${r.route}**: ${miss.join("; ")}`);
    const odd = r.unexpected || r.errors ? ` (${r.unexpected} unexpected statuses, ${r.errors} errors)` : "";
    return `| ${r.route} | ${fmt(r.rps)} | ${fmt(r !== trivial ? ratio : 1, 2)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.d1Mean === null ? "–" : `${fmt(r.d1Mean, 1)} (max ${r.d1Max})`} | ${r.requests}${odd} |`;
  });
  const h = run.handoff;
  if (!h) misses.push("- handoff update with 2,000 sessions open: not measured yet");
  else if (!(h.p99Ms <= TARGET.handoffP99Ms) || h.missed > 0 || h.listenersOpen < h.sessions) {
    misses.push(`- **handoff update**: p99 ${fmt(h.p99Ms)} ms with ${h.listenersOpen} of ${h.sessions} listeners open, ${h.missed} updates missed`);
  }
  const m = run.machine;
  const costRows = Object.entries(run.cost).flatMap(([method, c]) => {
    const priced = cost(c);
    return [
      `### ${method} (mean of 5 complete verifications)`,
      "",
      `Worker requests ${c.workerRequests}, CPU ≤ ${fmt(c.cpuMsUpperBound)} ms, D1 ${fmt(c.d1RoundTrips, 1)} round trips (${fmt(c.d1Statements, 1)} statements), ` +
        `${fmt(c.rowsRead)} rows read, ${fmt(c.rowsWritten)} rows written, DO ${fmt(c.doRequests)} requests (${fmt(c.doMs)} ms in calls), ` +
        `R2 ${fmt(c.r2ClassA)} class A / ${fmt(c.r2ClassB)} class B, ${fmt(c.r2BytesPut / 1024, 1)} KB stored, ${fmt(c.queueMessages)} queue messages.`,
      "",
      "| item | USD |",
      "| --- | --- |",
      ...Object.entries(priced.lines).map(([k, v]) => `| ${k} | ${usd(v)} |`),
      `| **total** | **${usd(priced.total)}** (${fmt((priced.total * 1e6) / 1000, 2)} USD per thousand) |`,
      "",
      `Requests, in order: ${c.perRequest.map((p) => `${p.what} (D1 ${p.d1}, DO ${p.doRequests}${p.r2ClassA ? `, R2 ${p.r2ClassA}` : ""})`).join("; ")}.`,
      "",
    ];
  });
  return [
    `Measured ${m.date} on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, wrangler ${m.wrangler}; autocannon ${m.connections} connections × ${m.seconds} s per route, on the same machine as the service. ` +
      `Load average ${fmt(m.loadBefore, 1)} before the run, ${fmt(m.loadAfter, 1)} after (other work shares these cores: compare routes within the run).`,
    "",
    "| route | req/s | vs trivial | p50 ms | p99 ms | D1 round trips per request | requests |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Handoff, ${h ? h.sessions : "2,000"} sessions open at once (a desktop WebSocket each), the phone's result (its clip answered) → its desktop receiving "verified": ` +
      (h
        ? `p50 ${fmt(h.p50Ms)} ms, p99 ${fmt(h.p99Ms)} ms (0 where the desktop heard first). From the upload being sent, check included: p50 ${fmt(h.uploadP50Ms)} ms, p99 ${fmt(h.uploadP99Ms)} ms. ` +
          `${h.listenersOpen} listeners open, ${h.updates} updates received, ${h.missed} missed; set-up took ${h.setupSeconds} s.`
        : "not measured yet."),
    "",
    "Missed targets:",
    "",
    ...(misses.length ? misses : ["none"]),
    "",
    "## SMS messages and provider calls per completed verification (from the same run)",
    "",
    "One verification of each kind, walked once; counted from its evidence record (`sms.sent`, `provider.call` by capability) and checked against the sandbox's outbox.",
    "",
    ...(run.providers ? [renderProviderRows(run.providers), ""] : ["not measured", ""]),
    "## The authorization letter's PDF (from the same run)",
    "",
    ...renderLetter(run.letter),
    "## Cost of one completed person verification (from the same run)",
    "",
    ...costRows,
    ...(run.cost.mobile3
      ? [
          "### Where the D1 round trips go (mobile3, one metered verification)",
          "",
          ...run.cost.mobile3.perRequest.map((p) => `- ${p.what}: ${p.trips.map((t) => `\`${t.replace(/`/g, "")}\``).join(", ") || "none"}`),
          "",
        ]
      : []),
  ].join("\n");
}

/** The authorization letter's PDF rendered in Node by the Worker's own modules (bench/letter.mjs, in its own process for a clean heap). */
function letterRender() {
  const r = spawnSync(process.execPath, ["--expose-gc", path.join(root, "bench/letter.mjs"), "--json"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench/letter.mjs failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

function renderLetter(l) {
  if (!l) return ["not measured", ""];
  const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
  return [
    `Rendered by the Worker's own modules in Node (bench/letter.mjs), one letter after another: the first ${l.firstMs} ms (the ${mb(l.fontBytes)} subset font parsed, once per isolate in the Worker; ${mb(l.fontKeptBytes)} kept), ` +
      `then median ${l.medianMs} ms, p95 ${l.p95Ms} ms over ${l.runs}; the heap grows by up to ${mb(l.peakHeapBytes)} during a letter and keeps ${mb(l.keptPerLetterBytes)} per letter after collection; the PDF is ${(l.pdfBytes / 1024).toFixed(1)} KB.`,
    "",
  ];
}

async function main() {
  const started = Date.now();
  const service = await startService();
  try {
    // BENCH_ONLY=cost skips the timed runs (for working on the cost walk); BENCH_ONLY=providers walks only the SMS and provider count.
    const only = process.env.BENCH_ONLY;
    if (only === "providers") {
      console.log(renderProviderRows(await providerWalk(service.base, KEY, { phone: nextPhone, ip: nextIp })));
      return;
    }
    const timed = only !== "cost";
    const run = { machine: machine(), routes: timed ? await routes(service.base) : [], handoff: timed ? await handoffSessions(service.base) : null, cost: await costWalk(service.base, service.pid) };
    run.providers = await providerWalk(service.base, KEY, { phone: nextPhone, ip: nextIp });
    run.letter = letterRender();
    if (!timed) {
      console.log(JSON.stringify(run.cost, null, 1));
      console.log(renderProviderRows(run.providers));
      return;
    }
    run.machine.loadAfter = loadavg()[0];
    mkdirSync(path.join(root, "bench/out"), { recursive: true });
    writeFileSync(path.join(root, "bench/out/last-run.json"), JSON.stringify(run, null, 2));
    const text = render(run);
    console.log(`\n${text}\n`);
    const readme = path.join(root, "bench/README.md");
    const current = readFileSync(readme, "utf8");
    const marked = /(<!-- bench:last-run:start -->\n)[\s\S]*?(\n<!-- bench:last-run:end -->)/;
    if (marked.test(current))
      writeFileSync(
        readme,
        current.replace(marked, (_m, a, b) => `${a}${text}${b}`),
      );
    // The browser reports of the latest full e2e run (bench/out/, never tracked) become the tracked ones here, and only here.
    for (const report of ["report-pages.md", "report-3g.md"]) {
      const from = path.join(root, "bench/out", report);
      if (existsSync(from)) copyFileSync(from, path.join(root, "bench", report));
    }
    console.log(`bench finished in ${Math.round((Date.now() - started) / 1000)} s; bench/README.md "Last measured" and bench/out/last-run.json written.`);
  } finally {
    service.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
