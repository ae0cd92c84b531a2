// One bad field of an API request as a partner reads it: its path ("methods.1"), a stable
// snake_case code, and a sentence that names the field as the JSON spells it ("methods[1]") and
// says what it takes: the allowed values, the limit, the format. The sentence is a text, put into
// the request's language at the edge. It echoes only values from a fixed set (method names,
// event types), never what was typed into a free field: those may be personal data.
import { z } from "zod";
import { type ApiMessageKey, type ApiText, isApiMessageKey, text } from "./api-messages";

export interface FieldIssue {
  path: string;
  code: string;
  message: ApiText;
}

/** Where the fields came from: the JSON body or the query string. */
export type Where = "body" | "query";

type Segment = PropertyKey;
type Facts = { value?: string; type?: string; values?: readonly string[]; format?: string };

/** `["methods", 1]` → `"methods[1]"`; `["person", "id_number"]` → `"person.id_number"`. */
export function quotedPath(path: readonly Segment[]): string {
  const joined = path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join("");
  return `"${joined}"`;
}

/** An issue found outside zod (a URL rule, a cursor that names nothing): the same sentence as zod's would be. */
export function fieldIssue(path: readonly Segment[], code: string, sentence?: ApiMessageKey): FieldIssue {
  const field = quotedPath(path);
  return { path: path.map(String).join("."), code, message: sentence ? text(sentence, { field }) : codeSentence(code, path, field, {}) };
}

/** Every issue of a failed parse, one per field: zod reports all unknown keys of an object in one issue. */
export function zodFieldIssues(error: z.ZodError, schema: z.ZodType, where: Where): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    for (const one of issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key] })) : [issue]) {
      const path = one.path.map(String).join(".");
      if (seen.has(path)) continue; // the first problem with a field is the one to fix
      seen.add(path);
      out.push({ path, code: issueCode(one), message: issueSentence(one, schema, where) });
    }
  }
  return out;
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

function issueSentence(issue: z.core.$ZodIssue, schema: z.ZodType, where: Where): ApiText {
  const field = issue.path.length === 0 ? text(where === "body" ? "root.body" : "root.query") : quotedPath(issue.path);
  const limit = (n: number | bigint) => String(n);
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return text("field.required", { field });
      const received = receivedType(issue.input, issue.expected);
      if (issue.path.length === 0) return text("field.root_type", { field, received: received ? typeText(received) : typeText("null") });
      const expected = typeText(issue.expected);
      return received ? text("field.invalid_type_received", { field, expected, received: typeText(received) }) : text("field.invalid_type", { field, expected });
    }
    case "invalid_value":
      if (issue.input === undefined) return text("field.required", { field });
      return text("field.enum", { field, values: issue.values.map(String).join(", ") });
    case "too_big":
      if (issue.origin === "string") return text("field.too_long", { field, maximum: limit(issue.maximum) });
      if (issue.origin === "array") return text("field.too_many", { field, maximum: limit(issue.maximum) });
      return text("field.too_large", { field, maximum: limit(issue.maximum) });
    case "too_small":
      if (issue.origin === "string") return issue.minimum === 1 ? text("field.empty", { field }) : text("field.too_short", { field, minimum: limit(issue.minimum) });
      if (issue.origin === "array") return issue.minimum === 1 ? text("field.not_empty_array", { field }) : text("field.too_few", { field, minimum: limit(issue.minimum) });
      return text("field.too_small", { field, minimum: limit(issue.minimum) });
    case "invalid_format":
      return issue.format === "regex" && issue.pattern ? text("field.pattern", { field, pattern: issue.pattern }) : text("field.format", { field, format: issue.format });
    case "unrecognized_keys":
      return text("field.unknown_field", { field, allowed: keysAt(schema, issue.path.slice(0, -1)).join(", ") });
    case "custom": {
      const p = issue.params ?? {};
      const code = typeof p.code === "string" ? p.code : "invalid_value";
      const facts: Facts = {
        value: typeof p.value === "string" ? p.value : undefined,
        type: typeof p.type === "string" ? p.type : undefined,
        values: Array.isArray(p.values) ? p.values.map(String) : undefined,
        format: typeof p.format === "string" ? p.format : undefined,
      };
      return codeSentence(code, issue.path, field, facts);
    }
    default:
      return text("field.invalid_value", { field });
  }
}

// What an identifier must look like, by the field's last name (the same rule wherever it sits).
const FORMATS: Record<string, ApiMessageKey> = {
  id_number: "format.id_number",
  phone: "format.phone",
  name: "format.name",
  legal_rep_name: "format.name",
  credential_code: "format.credential_code",
};

/** The sentence for a code that is not zod's own: the identifier validators', the URL rules', the schemas' cross-field checks. */
function codeSentence(code: string, path: readonly Segment[], field: string | ApiText, facts: Facts): ApiText {
  const leaf = [...path].reverse().find((s) => typeof s === "string");
  const format = typeof leaf === "string" ? FORMATS[leaf] : undefined;
  const withFormat = (sentence: ApiText) => (format ? text("field.with_expected", { sentence, format: text(format) }) : sentence);
  switch (code) {
    case "required":
      return text("field.empty", { field });
    case "too_short":
      return withFormat(text("field.short", { field }));
    case "too_long":
      return withFormat(text("field.long", { field }));
    case "invalid_character":
    case "invalid_length":
      return withFormat(text(`field.${code}`, { field }));
    case "invalid_format":
      // A URL field (url, redirect_url) whichever rule found it: the schema's or the webhook URL guard's.
      return facts.format === "url" || (typeof leaf === "string" && /(^|_)url$/.test(leaf)) ? text("field.url", { field }) : text("field.format", { field, format: facts.format ?? "value" });
    case "method_not_for_type":
      return text("field.method_not_for_type", { field, value: facts.value ?? "", type: facts.type ?? "", values: (facts.values ?? []).join(", ") });
    case "not_allowed_for_type":
      return text("field.not_allowed_for_type", { field, type: facts.type ?? "" });
    case "duplicate":
      return text(typeof path.at(-1) === "number" ? "field.duplicate_item" : "field.duplicate", { field, value: facts.value ?? "" });
  }
  const key = `field.${code}`;
  return text(isApiMessageKey(key) ? key : "field.invalid_value", { field });
}

function typeText(type: string): string | ApiText {
  const key = `type.${type}`;
  return isApiMessageKey(key) ? text(key) : type;
}

/** The JSON type that was sent, when naming it helps ("an array, not a string"); none for NaN and the like. */
function receivedType(input: unknown, expected: string): string | undefined {
  const type = input === null ? "null" : Array.isArray(input) ? "array" : typeof input;
  if (!["null", "array", "string", "number", "boolean", "object"].includes(type)) return undefined;
  if (type === "number" && (expected === "int" || !Number.isFinite(input as number))) return undefined;
  return type;
}

/** The keys an object in the schema accepts, found by walking the schema along the issue's path. */
function keysAt(schema: z.ZodType, path: readonly Segment[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject && typeof segment === "string") current = unwrap(current.shape[segment]);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodPipe) {
    current = (current instanceof z.ZodPipe ? current.in : current.unwrap()) as z.ZodType;
  }
  return current;
}
