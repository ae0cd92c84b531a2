// The Worker `npm run bench` runs: the production app wrapped in the bench instrumentation, which
// lives here and never in the production bundle (src/index.ts does not import it). The same
// bindings and Durable Object classes as production, from bench/wrangler.toml.
import { Hono } from "hono";
import { app } from "../src/app";
import production from "../src/index";
import type { AppEnv } from "../src/http/app-env";
import { benchInstrumentation } from "./instrument";

export { HandoffSession, InvitationSession, SmsCodeSession } from "../src/index";

// First, so it sees every binding use the app makes.
export const benchApp = new Hono<AppEnv>().use("*", benchInstrumentation).route("/", app);

export default { ...production, fetch: benchApp.fetch };
