// Reads a posted form for the applicant and phone pages without trusting what was sent. A body
// that is not a form (JSON, no type, multipart without a boundary or cut short) is answered
// 415/400 and one past the route's cap 413, each with a page (or JSON for the phone's scripts)
// that says so: an unguarded `c.req.formData()` throws, and that became a 500. It never holds
// more than the cap in memory, whether the body declares its length or streams without one.
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { MAX_IMAGE_BYTES } from "../domain/images/inspect";
import type { Locale } from "../../views/messages";
import { FormProblem, type FormProblemKind, FormProblemPage, formProblemText } from "../../views/pages/form-problem";
import { TestMode } from "../../views/components/test-mode";
import { wantsFragment } from "./htmx";

/** Room for the multipart headers and the text fields beside the files. */
export const FORM_SLACK = 64 * 1024;

/** What each kind of hosted form may carry: text fields only, or both ID photos (a phone action says its own). */
export const FORM_CAP = {
  text: FORM_SLACK,
  photos: 2 * MAX_IMAGE_BYTES + FORM_SLACK,
} as const;

export type FormRead = { ok: true; form: FormData } | { ok: false; response: Response };

type Problem = { kind: FormProblemKind; status: 400 | 413 | 415 };

/** `json` for the phone's scripts, which read the answer themselves; otherwise a page (or the step fragment under htmx). */
export interface FormReadOptions {
  locale: Locale;
  maxBytes: number;
  backUrl: string;
  json?: boolean;
}

export async function readForm(c: Context<AppEnv>, opts: FormReadOptions): Promise<FormRead> {
  const read = await parse(c.req.raw, opts.maxBytes);
  if (read instanceof FormData) return { ok: true, form: read };
  return { ok: false, response: await answer(c, read, opts) };
}

async function parse(req: Request, maxBytes: number): Promise<FormData | Problem> {
  const type = req.headers.get("content-type") ?? "";
  const media = type.split(";")[0]!.trim().toLowerCase();
  if (media !== "application/x-www-form-urlencoded" && media !== "multipart/form-data") return { kind: "unsupported", status: 415 };
  if (media === "multipart/form-data" && !/;\s*boundary=/i.test(type)) return { kind: "malformed", status: 400 };
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { kind: "too_large", status: 413 };
  const bytes = await readCapped(req.body, maxBytes);
  if (!bytes) return { kind: "too_large", status: 413 };
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    return { kind: "malformed", status: 400 };
  }
}

/** The body's bytes, or null as soon as they pass the cap (a stream may not say its length). */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function answer(c: Context<AppEnv>, problem: Problem, opts: FormReadOptions): Promise<Response> {
  c.header("Cache-Control", "no-store");
  const props = { locale: opts.locale, kind: problem.kind, maxBytes: opts.maxBytes, backUrl: opts.backUrl };
  if (opts.json) {
    // Both phone scripts read it: the clip's reads `message`, the photos' reads `errors`.
    const message = formProblemText(props);
    return c.json({ error: problem.kind === "too_large" ? "payload_too_large" : `form_${problem.kind}`, message, errors: { form: message } }, problem.status);
  }
  if (wantsFragment(c)) return c.html(<FormProblem {...props} />, problem.status);
  const page = <FormProblemPage {...props} />;
  return c.html(<TestMode on={c.var.testMode === true}>{page}</TestMode>, problem.status);
}
