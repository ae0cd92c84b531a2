// The texts an applicant agrees to at app authorization, in the verification's language.
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { CONSENT_TEXTS } from "../flow/consent";
import { LegalPage } from "../../views/pages/legal";
import type { Locale } from "../../views/messages";

export const legal = new Hono<AppEnv>();

const PAGES = { "service-agreement": "legal.service", privacy: "legal.privacy" } as const;

// Own keys only: `PAGES["__proto__"]` or `PAGES.toString` is inherited from Object and was a 500.
const pageOf = (name: string) => (Object.hasOwn(PAGES, name) ? PAGES[name as keyof typeof PAGES] : undefined);

legal.get("/legal/:page", (c) => {
  const page = pageOf(c.req.param("page"));
  if (!page) return c.notFound();
  const locale: Locale = c.req.query("lang") === "en" ? "en" : "zh-CN";
  // Both texts are hashed into the app_authorization consent, so they share its version.
  return c.html(<LegalPage locale={locale} page={page} version={CONSENT_TEXTS.app_authorization.version} />);
});
