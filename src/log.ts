// The one way an unexpected error reaches the log. Its message may carry what it failed on:
// drizzle's "Failed query: <sql> params: <values>" holds ids, event data, URLs; a fetch error can
// hold a URL with a token. So the log gets the error's name and the first line of its message
// (or its cause's), cut before any parameter list and at 200 characters, and nothing else.
const PARAMS = /\s*params:.*$/s;

export function errorSummary(error: unknown): { error: string; message: string } {
  if (!(error instanceof Error)) return { error: typeof error, message: "" };
  const cause = error.cause instanceof Error ? error.cause : null;
  // Drizzle wraps the driver's error: its own message is the query, the cause says what went wrong.
  const source = error.message.startsWith("Failed query") && cause ? cause.message : error.message;
  const firstLine = source.replace(PARAMS, "").split("\n", 1)[0] ?? "";
  return { error: cause && source === cause.message ? `${error.name}: ${cause.name}` : error.name, message: firstLine.slice(0, 200) };
}

/** One JSON line on stderr; `fields` must be codes and ids of our own, never request data. */
export function logError(what: string, error: unknown, fields: Record<string, string | number> = {}, level: "error" | "warn" = "error"): void {
  const line = JSON.stringify({ level, what, ...fields, ...errorSummary(error) });
  if (level === "warn") console.warn(line);
  else console.error(line);
}
