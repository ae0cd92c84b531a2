// Test-mode helpers on the partner API. /v1/test_helpers/sms shows what the sandbox "sent" to a
// phone, code included, as the phone would show it. For live keys the route does not exist.
import { and, desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../http/app-env";
import { text } from "../http/api-messages";
import { ProblemError } from "../http/problem";
import { parseOrThrow } from "../http/validation";
import { sandboxSmsMessages } from "../db/schema";
import { iso } from "../domain/clock";
import { maskPhone } from "../domain/masking";
import { mobileNumber } from "../schemas/identifiers";

export const testHelpers = new Hono<AppEnv>();

export const sandboxSmsQuery = z.strictObject({ phone: mobileNumber });

testHelpers.get("/test_helpers/sms", async (c) => {
  if (c.var.partner.livemode) throw new ProblemError("not_found", text("detail.test_helpers_live"));
  const { phone } = parseOrThrow(sandboxSmsQuery, c.req.query(), "query");
  const rows = await c.var.db
    .select()
    .from(sandboxSmsMessages)
    .where(and(eq(sandboxSmsMessages.partnerId, c.var.partner.partnerId), eq(sandboxSmsMessages.phoneHash, await c.var.cipher.hash("phone", phone))))
    .orderBy(desc(sandboxSmsMessages.createdAt), desc(sandboxSmsMessages.id))
    .limit(20)
    .all();
  return c.json({
    object: "list",
    data: rows.map((r) => ({ object: "sandbox_sms", phone: maskPhone(phone), text: r.text, created_at: iso(r.createdAt) })),
  });
});
