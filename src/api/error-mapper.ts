// The one place errors become responses. Expected errors are values (ProblemError) with a
// catalogue entry; anything else is logged without request data and answered generically.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./app-env";
import { problemBody, ProblemError, problemResponse } from "./problem";

export function mapError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ProblemError) return problemResponse(problemBody(error.code, error.detail, error.extensions));
  if (error instanceof HTTPException && error.status < 500) {
    return problemResponse({ ...problemBody("validation_error", error.message || "The request could not be read."), status: error.status });
  }
  // Log the error's name and message only: request bodies carry personal data.
  console.error(JSON.stringify({ level: "error", path: new URL(c.req.url).pathname, error: error.name, message: error.message }));
  return problemResponse(problemBody("internal_error", "An unexpected error occurred. It has been logged; please retry later."));
}
