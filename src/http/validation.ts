// zod at the boundary: turns every issue into {path, code, message}, one entry per bad field,
// with stable snake_case codes. Messages come from the messages table, never from input.
import type { Context } from "hono";
import type { z } from "zod";
import { fieldMessage } from "../../views/messages";
import type { Locale } from "../../views/messages";
import { type FieldError, ProblemError } from "./problem";

export function fieldErrors(error: z.ZodError, locale: Locale = "en"): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues.flatMap(splitUnknownKeys)) {
    const path = issue.path.map(String).join(".");
    const code = issueCode(issue);
    if (seen.has(path)) continue; // the first problem with a field is the one to fix
    seen.add(path);
    out.push({ path, code, message: fieldMessage(locale, path, code) });
  }
  return out;
}

// zod reports all unknown keys of an object in one issue; partners need one entry per field.
function splitUnknownKeys(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "unrecognized_keys") return [issue];
  return issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key] }));
}

function issueCode(issue: z.core.$ZodIssue): string {
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined) return "required";
  switch (issue.code) {
    case "custom":
      return typeof issue.params?.code === "string" ? issue.params.code : "invalid_value";
    case "invalid_type":
      return "invalid_type";
    case "too_big":
      return issue.origin === "string" ? "too_long" : issue.origin === "array" ? "too_many" : "too_large";
    case "too_small":
      return issue.origin === "string" ? (issue.minimum === 1 ? "required" : "too_short") : issue.origin === "array" ? "too_few" : "too_small";
    case "invalid_format":
      return "invalid_format";
    case "invalid_value":
      return "invalid_value";
    case "unrecognized_keys":
      return "unknown_field";
    default:
      return "invalid_value";
  }
}

export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError("invalid_json", "The request body could not be parsed as JSON. Send a JSON object with Content-Type: application/json.");
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error);
  const first = errors[0];
  const detail = errors.length === 1 && first ? `${first.path || what}: ${first.message}` : `${errors.length} fields in ${what} are not valid; see errors.`;
  throw new ProblemError("validation_error", detail, { errors });
}
