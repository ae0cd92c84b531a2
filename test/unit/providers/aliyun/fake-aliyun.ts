// A fake Aliyun endpoint for the adapter tests: it replays a recorded JSON body with a status and
// keeps what was sent, its form body parsed. Each call makes fresh state, so no test sees another's
// requests. The transport failures reuse recorded-fetch's hanging and unreachable fetches.
import type { AliyunSettings } from "../../../../src/providers/aliyun/client";
import { FIXED_NOW, hangingFetch, unreachableFetch } from "../recorded-fetch";

export type SentForm = { url: string; method: string; headers: Headers; rawBody: string; params: URLSearchParams };

export function replayAliyun(body: unknown, status = 200): { fetch: typeof fetch; sent: SentForm[] } {
  const sent: SentForm[] = [];
  const fake: typeof fetch = async (input, init) => {
    const rawBody = typeof init?.body === "string" ? init.body : "";
    sent.push({ url: String(input), method: init?.method ?? "GET", headers: new Headers(init?.headers), rawBody, params: new URLSearchParams(rawBody) });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { "Content-Type": "application/json;charset=utf-8" } });
  };
  return { fetch: fake, sent };
}

export const TEST_ALIYUN_KEY = { accessKeyId: "LTAItestonlyNOTAREALKEY", accessKeySecret: "test-only-aliyun-secret" };

export function aliyunSettingsWith(fetchImpl: typeof fetch, timeoutMs?: number): AliyunSettings {
  return { credentials: TEST_ALIYUN_KEY, fetch: fetchImpl, now: () => FIXED_NOW, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
}

/** Transport failures an Aliyun adapter must answer `unavailable` for, with this detail. */
export const ALIYUN_TRANSPORT_FAILURES: { title: string; fetch: () => typeof fetch; timeoutMs?: number; detail: string }[] = [
  { title: "a vendor that never answers", fetch: () => hangingFetch, timeoutMs: 20, detail: "timeout" },
  { title: "HTTP 502 with an HTML page", fetch: () => replayAliyun("<html>Bad Gateway</html>", 502).fetch, detail: "http_502" },
  { title: "HTTP 503 with no body", fetch: () => replayAliyun("", 503).fetch, detail: "http_503" },
  { title: "a network failure", fetch: () => unreachableFetch, detail: "network_error" },
];
