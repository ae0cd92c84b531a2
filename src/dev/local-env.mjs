// Node helper for the dev scripts (not part of the Worker): reads .dev.vars, creating it from
// .dev.vars.example when missing, and runs wrangler with telemetry off.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export function loadDevVars() {
  const file = path.join(root, ".dev.vars");
  if (!existsSync(file)) {
    copyFileSync(path.join(root, ".dev.vars.example"), file);
    console.log("Created .dev.vars from .dev.vars.example");
  }
  const vars = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) vars[m[1]] = m[2].replace(/^"(.*)"$/, "$1");
  }
  return vars;
}

export const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false" };

export function wrangler(args, options = {}) {
  const result = spawnSync("wrangler", args, { cwd: root, env: wranglerEnv, encoding: "utf8", ...options });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    throw new Error(`wrangler ${args.join(" ")} failed`);
  }
  return result.stdout;
}

export function spawnWrangler(args, options = {}) {
  return spawn("wrangler", args, { cwd: root, env: wranglerEnv, ...options });
}
