// Worker entry: the HTTP app, the webhook queue consumer, the cron, and the Durable Object
// classes wrangler binds.
import { app } from "./app";
import { runCron } from "./cron";
import type { Env } from "./env";
import { handleWebhookBatch } from "./webhooks/consumer";

export { HandoffSession } from "./sessions/handoff-session";
export { InvitationSession } from "./sessions/invitation-session";
export { SmsCodeSession } from "./sessions/sms-code-session";

export default {
  fetch: app.fetch,
  queue: (batch, env) => handleWebhookBatch(batch, env),
  scheduled: async (controller, env) => runCron(env, controller.scheduledTime),
} satisfies ExportedHandler<Env>;
