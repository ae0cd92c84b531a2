// `npm start`, step 1 (Node, local only): .dev.vars, D1 migrations on the local database, and
// the demo partner seed. Safe to run again: migrations apply once and the seed ignores repeats.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadDevVars, wrangler } from "./local-env.mjs";
import { demoPartnerSql, demoStaffSql } from "./seed.mjs";

const persist = process.env.SHIMING_PERSIST_TO;
const persistArgs = persist ? ["--persist-to", persist] : [];
const vars = loadDevVars();
wrangler(["d1", "migrations", "apply", "DB", "--local", ...persistArgs]);
const seedFile = path.join(tmpdir(), `shiming-seed-${process.pid}.sql`);
writeFileSync(seedFile, `${demoPartnerSql(vars.DEV_PARTNER_KEY)}\n${demoStaffSql()}`);
wrangler(["d1", "execute", "DB", "--local", "--file", seedFile, ...persistArgs]);
console.log("Local D1 migrated, the demo partner and a staff admin seeded.");
