// RFC 9457 problem details: the one shape of every API error. The catalogue fixes each code's
// status; its title, the `detail` (what to do) and each field's message are texts, put into the
// request's language here, at the edge: zh-CN when Accept-Language prefers Chinese, English
// otherwise. Nothing internal (stack, SQL, vendor text) goes here.
import type { Context } from "hono";
import { type ApiText, apiLocale, render } from "./api-messages";
import type { FieldIssue } from "./field-issues";

export const PROBLEMS = {
  unauthorized: { status: 401 },
  not_found: { status: 404 },
  validation_error: { status: 400 },
  invalid_json: { status: 400 },
  payload_too_large: { status: 413 },
  invalid_state: { status: 409 },
  conflict: { status: 409 },
  idempotency_key_in_use: { status: 409 },
  idempotency_key_reused: { status: 422 },
  provider_not_configured: { status: 422 },
  methods_not_available: { status: 422 },
  rate_limited: { status: 429 },
  internal_error: { status: 500 },
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

/** Members added to the problem beside the standard ones; `errors` are rendered in the request's language. */
export type Extensions = { errors?: FieldIssue[] } & Record<string, unknown>;

/** Thrown by helpers deep in a handler; the app's error mapper turns it into problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: ApiText,
    readonly extensions: Extensions = {},
  ) {
    super(`${code}: ${detail.key}`);
  }
}

/** The response for a problem, in the language the request asks for. `status` overrides the catalogue's (a framework's 4xx). */
export function problemResponse(c: Context, error: ProblemError, options: { headers?: Record<string, string>; status?: number } = {}): Response {
  const locale = apiLocale(c.req.header("accept-language"));
  const { errors, ...extensions } = error.extensions;
  const body: Problem = {
    type: `https://shiming.dev/problems/${error.code}`,
    title: render(locale, { key: `title.${error.code}` }),
    status: options.status ?? PROBLEMS[error.code].status,
    detail: render(locale, error.detail),
    code: error.code,
    ...extensions,
    ...(errors ? { errors: errors.map((e) => ({ path: e.path, code: e.code, message: render(locale, e.message) })) } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json", "content-language": locale, vary: "Accept-Language", ...options.headers },
  });
}
