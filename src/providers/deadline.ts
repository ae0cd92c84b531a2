// How long a real adapter waits for a vendor before answering `unavailable`. An applicant is
// waiting on the page, so a hung vendor must never hold the request open until the platform
// kills it; eight seconds is long enough for a registry lookup and short enough to retry.

export const PROVIDER_TIMEOUT_MS = 8_000;

export function deadline(ms: number = PROVIDER_TIMEOUT_MS): AbortSignal {
  return AbortSignal.timeout(ms);
}

/** True for the error `fetch` rejects with when its signal fired (a DOMException by name). */
export function isDeadlineError(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("name" in error)) return false;
  return error.name === "TimeoutError" || error.name === "AbortError";
}

/** What every real adapter is given to reach its vendor; injected so tests can play the vendor. */
export type Transport = {
  fetch: typeof fetch;
  /** Epoch milliseconds. */
  now: () => number;
  timeoutMs?: number;
};

/**
 * One POST under one deadline for the whole exchange, body included: a vendor that sends headers
 * and then stalls the body holds the applicant just as long as one that never answers. Answers
 * the body's text, or the short detail of why there is none (`http_<status>`, `timeout`,
 * `network_error`).
 */
export async function postForText(
  transport: Pick<Transport, "fetch" | "timeoutMs">,
  url: string,
  init: { headers: Record<string, string>; body: BodyInit },
): Promise<{ text: string } | { detail: string }> {
  const signal = deadline(transport.timeoutMs);
  try {
    const response = await transport.fetch(url, { method: "POST", ...init, signal });
    if (!response.ok) {
      // Released rather than left unread: Workers warn about, and hold resources for, unread bodies.
      await response.body?.cancel().catch(() => undefined);
      return { detail: `http_${response.status}` };
    }
    return { text: await response.text() };
  } catch (error) {
    return { detail: isDeadlineError(error) ? "timeout" : "network_error" };
  }
}
