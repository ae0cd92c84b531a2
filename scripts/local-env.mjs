// Node helper for the dev scripts (not part of the Worker): reads .dev.vars, creating it from
// .dev.vars.example when missing (and adding variables the example gained since), and runs
// wrangler with telemetry off.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

export function loadDevVars() {
  const file = path.join(root, ".dev.vars");
  if (!existsSync(file)) {
    copyFileSync(path.join(root, ".dev.vars.example"), file);
    console.log("Created .dev.vars from .dev.vars.example");
  }
  const vars = parseVars(readFileSync(file, "utf8"));
  const defaults = parseVars(readFileSync(path.join(root, ".dev.vars.example"), "utf8"));
  const missing = Object.keys(defaults).filter((name) => !(name in vars));
  if (missing.length > 0) {
    appendFileSync(file, `\n# Added from .dev.vars.example\n${missing.map((name) => `${name}=${defaults[name]}`).join("\n")}\n`);
    console.log(`Added ${missing.join(", ")} to .dev.vars from .dev.vars.example`);
    for (const name of missing) vars[name] = defaults[name];
  }
  return vars;
}

function parseVars(text) {
  const vars = {};
  for (const line of text.split("\n")) {
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
