// `npm start`, step 2 (Node, local only): runs `wrangler dev` on 127.0.0.1:$PORT (8787) with
// every binding local, and prints where things are once it answers.
import { loadDevVars, spawnWrangler } from "./local-env.mjs";
import { DEMO_STAFF, devSignInUrl } from "./seed.mjs";

const port = Number(process.env.PORT ?? 8787);
const vars = loadDevVars();
const persist = process.env.SHIMING_PERSIST_TO;
const child = spawnWrangler(["dev", "--ip", "127.0.0.1", "--port", String(port), ...(persist ? ["--persist-to", persist] : [])], {
  stdio: ["inherit", "pipe", "inherit"],
});
child.stdout.pipe(process.stdout);

const base = `http://127.0.0.1:${port}`;
let announced = false;
const deadline = Date.now() + 60_000;
async function announce() {
  while (!announced && Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) {
        announced = true;
        const staffLink = vars.STAFF_DEV_KEY ? await devSignInUrl(base, vars.STAFF_DEV_KEY) : null;
        console.log(
          [
            "",
            "Shiming is running (test mode, sandbox providers, local D1/DO/R2/Queues):",
            `  API base      ${base}/v1`,
            `  API docs      ${base}/docs   (OpenAPI: ${base}/v1/openapi.json)`,
            `  Health        ${base}/healthz`,
            `  Demo test key ${vars.DEV_PARTNER_KEY}`,
            ...(staffLink ? [`  Back office   ${base}/staff   (sign in as ${DEMO_STAFF.email}, admin: ${staffLink} )`] : []),
            "",
            "Create a verification:",
            `  curl -s ${base}/v1/verifications -H "Authorization: Bearer ${vars.DEV_PARTNER_KEY}" -H "Content-Type: application/json" -d '{"type":"person"}'`,
            "",
          ].join("\n"),
        );
        return;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
}
announce();
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
