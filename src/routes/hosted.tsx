// Hosted pages for applicants: /v/{verification id}. Each step renders from the stored state.
import { Hono } from "hono";
import type { AppEnv } from "../api/app-env";
import { getVerificationForApplicant } from "../db/verifications";
import { effectiveStatus } from "../domain/verification/status";
import { AuthorizePage } from "../../views/pages/authorize";
import { UnavailablePage } from "../../views/pages/unavailable";
import type { Locale } from "../../views/messages";

export const hosted = new Hono<AppEnv>();

const ID = /^ver_[0-9A-Za-z]{24}$/;

hosted.get("/:id", async (c) => {
  const id = c.req.param("id");
  const row = ID.test(id) ? await getVerificationForApplicant(c.var.db, id) : undefined;
  const acceptsEn = /^en\b/i.test(c.req.header("accept-language") ?? "");
  if (!row) return c.html(<UnavailablePage locale={acceptsEn ? "en" : "zh-CN"} reason="not_found" />, 404);
  const locale: Locale = row.locale === "en" ? "en" : "zh-CN";
  const status = effectiveStatus(row, c.var.now);
  if (status !== "pending" && status !== "in_progress") {
    return c.html(<UnavailablePage locale={locale} reason={status} backUrl={row.redirectUrl} />, 410);
  }
  return c.html(<AuthorizePage locale={locale} verificationId={row.id} type={row.type} />);
});
