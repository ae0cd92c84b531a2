// /docs: the OpenAPI document rendered as plain HTML, readable without JavaScript.
import { raw } from "hono/html";
import { CRITICAL_CSS } from "../styles";

interface DocOperation {
  summary: string;
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

interface Doc {
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, unknown>>;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function ApiDocsPage({ doc }: { doc: Doc }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{`${doc.info.title} ${doc.info.version}`}</title>
        <style>{raw(`${CRITICAL_CSS}pre{overflow:auto;background:#f6f8fa;padding:.75rem;border-radius:6px;font-size:.8125rem}code{font-size:.875rem}.op{margin:0 0 1.5rem}`)}</style>
      </head>
      <body>
        <main>
          <h1>{`${doc.info.title} ${doc.info.version}`}</h1>
          <p>{doc.info.description}</p>
          <p>
            Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> (RFC 9457).
          </p>
          {Object.entries(doc.paths).flatMap(([path, ops]) =>
            Object.entries(ops).map(([method, raw]) => {
              const op = raw as DocOperation;
              const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-");
              return (
                <section class="card op" id={id} aria-labelledby={`${id}-h`}>
                  <h2 id={`${id}-h`}>
                    <code>{`${method.toUpperCase()} ${path}`}</code>
                  </h2>
                  <p>{op.summary}</p>
                  {op.security && op.security.length > 0 && <p>Auth: {Object.keys(op.security[0]!).join(", ")}</p>}
                  {op.parameters && op.parameters.length > 0 && <p>Parameters: {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join("; ")}</p>}
                  {op.requestBody && (
                    <details>
                      <summary>Request body</summary>
                      <pre>{json(op.requestBody.content["application/json"]?.schema)}</pre>
                    </details>
                  )}
                  {Object.entries(op.responses).map(([status, r]) => (
                    <details>
                      <summary>{`${status}: ${r.description}`}</summary>
                      {r.content && <pre>{json(Object.values(r.content)[0]?.schema)}</pre>}
                    </details>
                  ))}
                </section>
              );
            }),
          )}
        </main>
      </body>
    </html>
  );
}
