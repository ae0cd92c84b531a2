// The one place errors become responses. Expected errors are values (ProblemError) with a
// catalogue entry; anything else is logged without request data and answered generically.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./app-env";
import { logError } from "../log";
import { problemBody, ProblemError, problemResponse } from "./problem";

export function mapError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ProblemError) return problemResponse(problemBody(error.code, error.detail, error.extensions));
  if (error instanceof HTTPException && error.status < 500) {
    return problemResponse({ ...problemBody("validation_error", error.message || "The request could not be read."), status: error.status });
  }
  // The route pattern, never the path: /p/{token} and /v/{id} are bearer secrets.
  logError("unhandled_error", error, { route: `${c.req.method} ${c.req.routePath}` });
  return problemResponse(problemBody("internal_error", "An unexpected error occurred. It has been logged; please retry later."));
}
