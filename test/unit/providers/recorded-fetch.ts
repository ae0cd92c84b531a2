// Fake `fetch` functions for the Tencent Cloud adapter tests: one replays a recorded response
// body and keeps what was sent, one never answers (for deadlines), one fails at the network.
// Each call makes fresh state, so no test can see another test's requests.
import type { TencentCloudSettings } from "../../../src/providers/tencentcloud/client";

export type SentRequest = { url: string; method: string; headers: Headers; body: unknown; rawBody: string };

export function replay(body: unknown, status = 200): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fake: typeof fetch = async (input, init) => {
    const rawBody = typeof init?.body === "string" ? init.body : "";
    sent.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: rawBody === "" ? undefined : JSON.parse(rawBody),
      rawBody,
    });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { "Content-Type": "application/json" } });
  };
  return { fetch: fake, sent };
}

/** Never answers; rejects with the signal's reason once the adapter's deadline fires. */
export const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    const signal = init?.signal;
    if (!signal) return;
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

export const unreachableFetch: typeof fetch = async () => {
  throw new TypeError("fetch failed");
};

/** 2023-11-14T22:13:20Z; the clock only reaches the signature, never an answer. */
export const FIXED_NOW = 1_700_000_000_000;

export function settingsWith(fetchImpl: typeof fetch, timeoutMs?: number): TencentCloudSettings {
  return {
    credentials: { secretId: "AKIDtestonlyNOTAREALKEY", secretKey: "test-only-secret-key" },
    region: "ap-guangzhou",
    fetch: fetchImpl,
    now: () => FIXED_NOW,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}

/** The documented envelope of a result-code response, for tables that walk every code. */
export function resultBody(result: string, requestId: string, extra: Record<string, unknown> = {}) {
  return { Response: { Result: result, Description: "", ...extra, RequestId: requestId } };
}

export function errorBody(code: string, requestId: string) {
  return { Response: { Error: { Code: code, Message: "" }, RequestId: requestId } };
}

/** Transport failures every real adapter must answer `unavailable` for, with this detail. */
export const TRANSPORT_FAILURES: { title: string; fetch: () => typeof fetch; timeoutMs?: number; detail: string }[] = [
  { title: "a vendor that never answers", fetch: () => hangingFetch, timeoutMs: 20, detail: "timeout" },
  { title: "HTTP 502", fetch: () => replay("<html>Bad Gateway</html>", 502).fetch, detail: "http_502" },
  { title: "HTTP 503", fetch: () => replay("", 503).fetch, detail: "http_503" },
  { title: "a network failure", fetch: () => unreachableFetch, detail: "network_error" },
];
