// zod at the boundary: a failed parse becomes one problem+json with one `errors[]` entry per bad
// field, each with a stable snake_case code and a sentence from the API's texts (field-issues.ts),
// never from input. The language is chosen later, by the error mapper.
import type { Context } from "hono";
import type { z } from "zod";
import { text } from "./api-messages";
import { type Where, zodFieldIssues } from "./field-issues";
import { ProblemError } from "./problem";

export async function readJson(c: Context): Promise<unknown> {
  const body = await c.req.text();
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new ProblemError("invalid_json", text("detail.invalid_json"));
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const errors = zodFieldIssues(parsed.error, schema, where);
  const first = errors[0];
  // One bad field: its own sentence says all; several: the count, and errors[] for each.
  const detail = errors.length === 1 && first ? first.message : text(where === "body" ? "detail.fields_invalid_body" : "detail.fields_invalid_query", { count: String(errors.length) });
  throw new ProblemError("validation_error", detail, { errors });
}
