// The one place errors become responses. Expected errors are values (ProblemError) with a
// catalogue entry; anything else is logged without request data and answered generically.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./app-env";
import { logError } from "../log";
import { text } from "./api-messages";
import { ProblemError, problemResponse } from "./problem";

export function mapError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ProblemError) return problemResponse(c, error);
  if (error instanceof HTTPException && error.status < 500) {
    // The framework's own message is English and says little; the status is what counts.
    return problemResponse(c, new ProblemError("validation_error", text("detail.unreadable")), { status: error.status });
  }
  // The route pattern, never the path: /p/{token} and /v/{id} are bearer secrets.
  logError("unhandled_error", error, { route: `${c.req.method} ${c.req.routePath}` });
  return problemResponse(c, new ProblemError("internal_error", text("detail.internal_error")));
}
