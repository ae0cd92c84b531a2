// Finds the exact text of one top-level member of a JSON object body, as the bytes arrived:
// Alipay signs `{"x_response":{…},"sign":"…"}` over the raw `{…}`, so re-serialising the parsed
// value would change spacing, escapes or key order and break the signature. It walks the body
// as JSON (strings and escapes included), so braces or quotes inside values cannot mislead it.

const SPACE = /[ \t\r\n]/;

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && SPACE.test(text[i] ?? "")) i++;
  return i;
}

/** Index just past the string that opens at `at`, or -1 if it never closes. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i + 1;
  }
  return -1;
}

/** Index just past the value that starts at `at` (string, object, array or bare literal), or -1. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return stringEnd(text, at);
  if (first !== "{" && first !== "[") {
    let i = at;
    while (i < text.length && !/[,}\]\s]/.test(text[i] ?? "")) i++;
    return i > at ? i : -1;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i) - 1;
      if (i < 0) return -1;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function keyOf(token: string): string | undefined {
  try {
    const key: unknown = JSON.parse(token);
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The raw `{…}` text of member `name` of the object in `text`; undefined if absent or not an object. */
export function rawObjectMember(text: string, name: string): string | undefined {
  let i = skipSpace(text, 0);
  if (text[i] !== "{") return undefined;
  i = skipSpace(text, i + 1);
  while (text[i] === '"') {
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) return undefined;
    const key = keyOf(text.slice(i, keyEnd));
    i = skipSpace(text, keyEnd);
    if (text[i] !== ":") return undefined;
    const start = skipSpace(text, i + 1);
    const end = valueEnd(text, start);
    if (end < 0) return undefined;
    if (key === name) return text[start] === "{" ? text.slice(start, end) : undefined;
    i = skipSpace(text, end);
    if (text[i] !== ",") return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}
