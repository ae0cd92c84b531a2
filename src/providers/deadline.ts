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
