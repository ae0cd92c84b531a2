// The one module that reads htmx's request headers. Pages answer the same URL with a full page
// or the step fragment, so every such response varies on HX-Request.
import type { Context } from "hono";

export function wantsFragment(c: Context): boolean {
  c.header("Vary", "HX-Request");
  return c.req.header("hx-request") === "true" && c.req.header("hx-request-type") !== "full";
}
