// Liveness that means something: answers ok only once D1 answers a query.
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";

export const health = new Hono<AppEnv>();

health.get("/healthz", async (c) => {
  await c.env.DB.prepare("select 1").first();
  return c.json({ ok: true }, 200, { "cache-control": "no-store" });
});
