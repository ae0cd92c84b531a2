// Shared helpers for worker tests: requests to the real app inside workerd, and partner set-up
// through the operator API (never by writing rows directly).
import { env, exports } from "cloudflare:workers";

// The Worker under test, as wrangler builds it from src/index.ts.
const worker = (exports as unknown as { default: Fetcher }).default;

export const BASE = "http://shiming.test";
export const ADMIN = env.ADMIN_TOKEN as string;

export async function call(path: string, init: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await worker.fetch(
    new Request(`${BASE}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    }),
  );
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, text, json };
}

export async function newPartner(name = "Test partner") {
  const res = await call("/admin/v1/partners", { key: ADMIN, body: { name } });
  if (res.status !== 201) throw new Error(`partner creation failed: ${res.text}`);
  return { id: res.json.id as string, testKey: res.json.test_key.key as string };
}

export async function newKey(partnerId: string, mode: "test" | "live") {
  const res = await call(`/admin/v1/partners/${partnerId}/keys`, { key: ADMIN, body: { mode } });
  if (res.status !== 201) throw new Error(`key creation failed: ${res.text}`);
  return { id: res.json.id as string, key: res.json.key as string };
}

export async function newVerification(key: string, body: Record<string, unknown> = { type: "person" }) {
  const res = await call("/v1/verifications", { key, body });
  if (res.status !== 201) throw new Error(`verification creation failed: ${res.status} ${res.text}`);
  return res.json as { id: string; url: string; status: string } & Record<string, any>;
}
