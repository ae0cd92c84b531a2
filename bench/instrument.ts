// Bench instrumentation for `npm run bench`: wraps the bindings to count what each request costs
// (D1 round trips, statements and rows; Durable Object calls; R2 operations; queue messages) and
// answers the counts in response headers. Inert unless BENCH_COUNT_QUERIES is "1" in a development
// or test environment; it never changes what a request does or answers, the headers aside.
import { createMiddleware } from "hono/factory";
import { contextStorage, tryGetContext } from "hono/context-storage";
import type { AppEnv } from "../src/http/app-env";
import type { Env } from "../src/env";

export interface BenchCounts {
  /** D1 round trips: one per statement run on its own, one per batch or exec. */
  d1: number;
  d1Statements: number;
  rowsRead: number;
  rowsWritten: number;
  /** Statements whose rows were not counted (D1 answers `raw()` and `first()` without meta). */
  rowsUnmetered: number;
  doRequests: number;
  /** Wall time spent waiting on Durable Object calls (ms). */
  doMs: number;
  r2ClassA: number;
  r2ClassB: number;
  r2BytesPut: number;
  queueMessages: number;
}

interface Tally {
  counts: BenchCounts;
  meter: boolean;
  /** When metering: each round trip's SQL, first words only (never a parameter), for the bench's detail file. */
  trips: string[];
}

const COUNTS = new WeakMap<object, Tally>();

function current() {
  const c = tryGetContext();
  return c ? COUNTS.get(c) : undefined;
}

export function benchEnabled(env: Env): boolean {
  return env.BENCH_COUNT_QUERIES === "1" && (env.ENVIRONMENT === "development" || env.ENVIRONMENT === "test");
}

/** Runs first. Under the flag: serves the bench's constant route and counts the rest. */
export const benchInstrumentation = createMiddleware<AppEnv>(async (c, next) => {
  if (!benchEnabled(c.env)) return next();
  // The trivial route: the ceiling of this machine, beside which every other route is compared.
  if (c.req.path === "/__bench/ping") return c.text("pong");
  const counts: BenchCounts = { d1: 0, d1Statements: 0, rowsRead: 0, rowsWritten: 0, rowsUnmetered: 0, doRequests: 0, doMs: 0, r2ClassA: 0, r2ClassB: 0, r2BytesPut: 0, queueMessages: 0 };
  // Metering (x-bench-meter: 1) also asks D1 for the rows of statements it answers without meta:
  // extra reads, so the bench meters only its cost walk-through, never its timed runs.
  const tally: Tally = { counts, meter: c.req.header("x-bench-meter") === "1", trips: [] };
  COUNTS.set(c, tally);
  c.env = instrumented(c.env);
  await contextStorage()(c, next);
  try {
    c.res.headers.set("x-d1-queries", String(counts.d1));
    c.res.headers.set("x-bench-counts", JSON.stringify(counts));
    if (tally.meter) c.res.headers.set("x-bench-trips", JSON.stringify(tally.trips));
  } catch {
    // A response with immutable headers (a WebSocket upgrade passed through): nothing to add.
  }
});

// One instrumented env per isolate: its identity stays stable, so the parsed-config cache holds.
const ENVS = new WeakMap<Env, Env>();

function instrumented(env: Env): Env {
  let wrapped = ENVS.get(env);
  if (!wrapped) {
    wrapped = { ...env };
    const bindings = wrapped as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(env)) {
      const kind = (value as object | null)?.constructor?.name;
      if (kind === "DurableObjectNamespace") bindings[name] = durableObjects(value as DurableObjectNamespace);
    }
    wrapped.DB = d1(env.DB);
    wrapped.IMAGES = r2(env.IMAGES);
    wrapped.WEBHOOKS = queue(env.WEBHOOKS);
    ENVS.set(env, wrapped);
  }
  return wrapped;
}

type Fn = (...args: unknown[]) => unknown;
const forward = (target: object, prop: string | symbol) => {
  const v: unknown = Reflect.get(target, prop, target);
  // Function.prototype.bind, not v.bind: on an RPC stub every property name is a remote method.
  return typeof v === "function" ? Function.prototype.bind.call(v, target) : v;
};

function addMeta(counts: BenchCounts, meta: { rows_read?: number; rows_written?: number } | undefined) {
  if (!meta || typeof meta.rows_read !== "number") {
    counts.rowsUnmetered += 1;
    return;
  }
  counts.rowsRead += meta.rows_read;
  counts.rowsWritten += meta.rows_written ?? 0;
}

const READS = /^\s*(select|with|pragma)\b/i;
const UNWRAP = new WeakMap<object, D1PreparedStatement>();
const SQL = new WeakMap<object, string>();
/** The statement's verb and table: enough to tell round trips apart, no values. */
const brief = (sql: string) =>
  sql
    .replace(/\s+/g, " ")
    .replace(/^(select) .*? (from "?\w+"?).*$/i, "$1 ... $2")
    .slice(0, 60);
const sqlOf = (s: D1PreparedStatement) => brief(SQL.get(s) ?? "?");

function d1(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => statement(target.prepare(sql), sql);
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const t = current();
          if (t) {
            t.counts.d1 += 1;
            t.counts.d1Statements += statements.length;
            if (t.meter) t.trips.push(`batch[${statements.map((s) => sqlOf(s)).join("; ")}]`);
          }
          const results = await target.batch(statements.map((s) => UNWRAP.get(s) ?? s));
          if (t) for (const r of results) addMeta(t.counts, r.meta);
          return results;
        };
      }
      if (prop === "exec") {
        return async (sql: string) => {
          const t = current();
          const result = await target.exec(sql);
          if (t) {
            t.counts.d1 += 1;
            t.counts.d1Statements += result.count;
            t.counts.rowsUnmetered += result.count;
          }
          return result;
        };
      }
      return forward(target, prop);
    },
  });
}

function statement(stmt: D1PreparedStatement, sql: string): D1PreparedStatement {
  const wrapped = new Proxy(stmt, {
    get(target, prop) {
      if (prop === "bind") return (...values: unknown[]) => statement(target.bind(...values), sql);
      if (prop === "run" || prop === "all") {
        return async () => {
          const t = current();
          const result = await target[prop]();
          if (t) {
            t.counts.d1 += 1;
            t.counts.d1Statements += 1;
            if (t.meter) t.trips.push(brief(sql));
            addMeta(t.counts, result.meta);
          }
          return result;
        };
      }
      if (prop === "raw" || prop === "first") {
        return async (arg?: unknown) => {
          const t = current();
          if (t) {
            t.counts.d1 += 1;
            t.counts.d1Statements += 1;
            if (t.meter) t.trips.push(brief(sql));
          }
          if (t?.meter && prop === "raw" && arg === undefined && !READS.test(sql)) {
            // A write with RETURNING: run it once through all(), which carries meta; its columns
            // come from one table, so the values in order are exactly what raw() answers.
            const result = await target.all<Record<string, unknown>>();
            addMeta(t.counts, result.meta);
            return result.results.map((row) => Object.values(row));
          }
          const answer = prop === "raw" ? await target.raw(arg as { columnNames?: false }) : await target.first(arg as string);
          if (t?.meter && READS.test(sql))
            addMeta(t.counts, (await target.all()).meta); // a second read, for its row counts only
          else if (t) t.counts.rowsUnmetered += 1;
          return answer;
        };
      }
      return forward(target, prop);
    },
  });
  UNWRAP.set(wrapped, stmt);
  SQL.set(wrapped, sql);
  return wrapped;
}

function durableObjects(ns: DurableObjectNamespace): DurableObjectNamespace {
  return new Proxy(ns, {
    get(target, prop) {
      if (prop === "get" || prop === "getByName") {
        return (...args: unknown[]) => stub(Reflect.apply(Reflect.get(target, prop, target) as Fn, target, args) as DurableObjectStub);
      }
      return forward(target, prop);
    },
  });
}

function stub(s: DurableObjectStub): DurableObjectStub {
  return new Proxy(s, {
    get(target, prop) {
      // `then` must stay undefined (a stub is not a promise); id and name are plain properties.
      if (typeof prop === "symbol" || prop === "then" || prop === "id" || prop === "name") return Reflect.get(target, prop, target);
      const method = Reflect.get(target, prop, target);
      if (typeof method !== "function") return method;
      return async (...args: unknown[]) => {
        const t = current();
        const started = Date.now();
        try {
          return await Reflect.apply(method as Fn, target, args);
        } finally {
          if (t) {
            t.counts.doRequests += 1;
            t.counts.doMs += Date.now() - started;
          }
        }
      };
    },
  });
}

const R2_CLASS_A = new Set(["put", "list", "createMultipartUpload", "resumeMultipartUpload"]);
const R2_CLASS_B = new Set(["get", "head"]);

function r2(bucket: R2Bucket): R2Bucket {
  return new Proxy(bucket, {
    get(target, prop) {
      const v = forward(target, prop);
      if (typeof prop !== "string" || typeof v !== "function" || !(R2_CLASS_A.has(prop) || R2_CLASS_B.has(prop))) return v;
      return async (...args: unknown[]) => {
        const result = await (v as Fn)(...args);
        const t = current();
        if (t && R2_CLASS_A.has(prop)) t.counts.r2ClassA += 1;
        if (t && R2_CLASS_B.has(prop)) t.counts.r2ClassB += 1;
        if (t && prop === "put") t.counts.r2BytesPut += (result as R2Object | null)?.size ?? 0;
        return result;
      };
    },
  });
}

function queue<T>(q: Queue<T>): Queue<T> {
  return new Proxy(q, {
    get(target, prop) {
      if (prop === "send") {
        return async (...args: Parameters<Queue<T>["send"]>) => {
          const t = current();
          if (t) t.counts.queueMessages += 1;
          return target.send(...args);
        };
      }
      if (prop === "sendBatch") {
        return async (...args: Parameters<Queue<T>["sendBatch"]>) => {
          const t = current();
          const messages = [...args[0]];
          if (t) t.counts.queueMessages += messages.length;
          return target.sendBatch(messages, args[1]);
        };
      }
      return forward(target, prop);
    },
  });
}
