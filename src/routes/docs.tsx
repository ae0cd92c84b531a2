// The OpenAPI document (generated from the route schemas) and a readable rendering of it.
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { openApiDocument } from "../http/v1/openapi";
import { ApiDocsPage } from "../../views/pages/api-docs";

export const docs = new Hono<AppEnv>();

docs.get("/v1/openapi.json", (c) => c.json(openApiDocument(new URL(c.req.url).origin)));

docs.get("/docs", (c) => {
  const origin = new URL(c.req.url).origin;
  return c.html(<ApiDocsPage doc={openApiDocument(origin)} origin={origin} />);
});
