// RFC 9457 problem details: the one shape of every API error. The catalogue fixes each code's
// status and title; `detail` says what to do. Nothing internal (stack, SQL, vendor text) goes here.
import type { Context } from "hono";

export const PROBLEMS = {
  unauthorized: { status: 401, title: "Authentication required" },
  not_found: { status: 404, title: "Not found" },
  validation_error: { status: 400, title: "The request is not valid" },
  invalid_json: { status: 400, title: "The body is not valid JSON" },
  payload_too_large: { status: 413, title: "The request body is too large" },
  invalid_state: { status: 409, title: "Not possible in the current status" },
  conflict: { status: 409, title: "Changed by another request" },
  idempotency_key_in_use: { status: 409, title: "A request with this Idempotency-Key is in progress" },
  idempotency_key_reused: { status: 422, title: "Idempotency-Key reused with a different request" },
  provider_not_configured: { status: 422, title: "A provider this request needs is not configured" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Something went wrong on our side" },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function problemBody(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}): Problem {
  const { status, title } = PROBLEMS[code];
  return { type: `https://shiming.dev/problems/${code}`, title, status, detail, code, ...extensions };
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

export function problem(_c: Context, code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}) {
  return problemResponse(problemBody(code, detail, extensions));
}

/** Thrown by helpers deep in a handler; the app's error mapper turns it into problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}
