// Starts a real `wrangler dev` (local D1/DO/R2/Queues, fresh state in a temp dir) for the
// browser tests, with migrations applied and the demo partner seeded, exactly as `npm start` does.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

const root = path.resolve(import.meta.dirname, "../..");
export const E2E_KEY = "sk_test_e2e00000000000000000000000000";
export const E2E_ADMIN_TOKEN = "adm_e2e_only_token";
// An e2e-only Ed25519 signing key (a test default, not a secret).
const E2E_SIGNING_KEYS = [{ kid: "e2e-ed25519", kty: "OKP", crv: "Ed25519", x: "D61_JHidctrCiyGYhMvd3ey-7AsI6M70-Onuk5kHjmA", d: "mI0-XbbC5c3Ngp8cxxs3qfGQP4aPkKDseRdpBsRqWVU" }];

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    partnerKey: string;
    adminToken: string;
    /** wrangler dev's --persist-to: a test may change local D1 with `wrangler d1 execute` (e.g. to expire a link). */
    statePath: string;
    /** The back office's development sign-in link for the seeded admin (src/staff/access.ts). */
    staffSignIn: string;
  }
}

/** Stands in for Cloudflare Access's key in the browser tests, as STAFF_DEV_KEY does locally. */
const E2E_STAFF_KEY = {
  kid: "staff-e2e",
  kty: "EC",
  crv: "P-256",
  x: "oR0maSkPxpDMieot93grjN1a1IiXTvV13wVEl4zLULU",
  y: "3jMGfVgqJtQcNfFP2_W5AZYrbG3OqrvHhug-OVscVac",
  d: "KO4tcVdg4VMSWg39tkhPCyHalNjZlw7-DJIwJLhz8AY",
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync("npx", ["wrangler", ...args], { cwd: root, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
}

export default async function setup(project: TestProject) {
  const state = mkdtempSync(path.join(tmpdir(), "shiming-e2e-"));
  const port = await freePort();
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
  const vars = ["--var", `DEV_PARTNER_KEY:${E2E_KEY}`, "--var", `ADMIN_TOKEN:${E2E_ADMIN_TOKEN}`, "--var", "DATA_KEY:ZTJlLW9ubHktZGF0YS1rZXktLW5ldmVyLWRlcGxveSEh", "--var", "ENVIRONMENT:test"];
  // Webhook retries a second apart, so the webhook tests see three attempts in a few seconds.
  vars.push("--var", `SIGNING_KEYS:${JSON.stringify(E2E_SIGNING_KEYS)}`, "--var", "WEBHOOK_RETRY_SCHEDULE:1,1,1");
  vars.push("--var", `STAFF_DEV_KEY:${JSON.stringify(E2E_STAFF_KEY)}`);
  run(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], env);
  const { demoPartnerSql, demoStaffSql, devSignInUrl } = await import("../../scripts/seed.mjs");
  const seed = path.join(state, "seed.sql");
  writeFileSync(seed, `${demoPartnerSql(E2E_KEY)}\n${demoStaffSql()}`);
  run(["d1", "execute", "DB", "--local", "--persist-to", state, "--file", seed], env);

  const child: ChildProcess = spawn("npx", ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, ...vars], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("staffSignIn", await devSignInUrl(baseUrl, JSON.stringify(E2E_STAFF_KEY)));
  project.provide("partnerKey", E2E_KEY);
  project.provide("adminToken", E2E_ADMIN_TOKEN);
  project.provide("statePath", state);
  return () => {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    rmSync(state, { recursive: true, force: true });
  };
}
