// /docs: a partner developer's guide, then the /v1 endpoints rendered from the OpenAPI document
// as plain HTML, readable without JavaScript. Operator endpoints (/admin/v1) come last, apart:
// a partner key cannot call them.
import { raw } from "hono/html";
import { CRITICAL_CSS } from "../styles";
import { QuickStart, SandboxTable, Samples } from "./api-docs-guide";

interface FieldSchema {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  items?: FieldSchema;
}

interface DocOperation {
  summary: string;
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string; required: boolean; description?: string }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, FieldSchema>; required?: string[] } }> };
  responses: Record<string, { description: string }>;
}

interface Doc {
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, unknown>>;
}

const typeOf = (s: FieldSchema): string =>
  s.enum ? s.enum.map(String).join(" | ") : s.type === "array" && s.items ? `array of ${typeOf(s.items)}` : Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "object");

function Operation({ method, path, op }: { method: string; path: string; op: DocOperation }) {
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-");
  const body = op.requestBody?.content["application/json"]?.schema;
  return (
    <section class="op" id={id} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        <code>{`${method.toUpperCase()} ${path}`}</code>
      </h3>
      <p>
        {op.summary}
        {op.security && op.security.length > 0 ? ` (auth: ${Object.keys(op.security[0]!).join(", ")})` : ""}
      </p>
      {op.parameters && op.parameters.length > 0 && <p>Parameters: {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join("; ")}</p>}
      {body?.properties && (
        <ul>
          {Object.entries(body.properties).map(([name, s]) => (
            <li>
              <code>{name}</code> {`${typeOf(s)}${body.required?.includes(name) ? ", required" : ""}${s.description ? `: ${s.description}` : ""}`}
            </li>
          ))}
        </ul>
      )}
      <p>
        Answers:{" "}
        {Object.entries(op.responses)
          .map(([status, r]) => `${status} ${r.description}`)
          .join("; ")}
      </p>
    </section>
  );
}

function Endpoints({ doc, operator }: { doc: Doc; operator: boolean }) {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith("/admin/") === operator)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => <Operation method={method} path={path} op={op as DocOperation} />));
}

export function ApiDocsPage({ doc, origin }: { doc: Doc; origin: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{`${doc.info.title} ${doc.info.version}`}</title>
        <style>
          {raw(
            `${CRITICAL_CSS}pre{overflow:auto;background:#f6f8fa;padding:.75rem;border-radius:6px;font-size:.8125rem}code{font-size:.875rem}.op{margin:0 0 1.5rem}table{border-collapse:collapse}td,th{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}`,
          )}
        </style>
      </head>
      <body>
        <main>
          <h1>{`${doc.info.title} ${doc.info.version}`}</h1>
          <p>{doc.info.description}</p>
          <p>
            Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> (RFC 9457), in Chinese when <code>Accept-Language</code>{" "}
            prefers it, English otherwise (<a href="#error-body">sample</a>). Bodies are limited to 64 KiB; an <code>Idempotency-Key</code> replays the first answer for 24 hours.
          </p>
          <QuickStart origin={origin} />
          <Samples origin={origin} />
          <SandboxTable />
          <section class="card" id="partner-api" aria-labelledby="partner-api-h">
            <h2 id="partner-api-h">Partner API</h2>
            <Endpoints doc={doc} operator={false} />
          </section>
          <section class="card" id="operator-api" aria-labelledby="operator-api-h">
            <h2 id="operator-api-h">Operator API</h2>
            <p>
              For the service's operator, with <code>ADMIN_TOKEN</code>; partner keys are refused.
            </p>
            <Endpoints doc={doc} operator={true} />
          </section>
        </main>
      </body>
    </html>
  );
}
