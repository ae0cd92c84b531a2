// Worker entry: the HTTP app, and the Durable Object classes wrangler binds.
import { app } from "./app";
import type { Env } from "./env";

export { SmsCodeSession } from "./sessions/sms-code-session";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
