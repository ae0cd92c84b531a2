// The cron's payout sweep: a payout the bank has paid since is found paid without anyone asking
// (every minute while requested), and one returned after it was paid is found in its hour (once an
// hour while paid, by its rowid's minute), never in another minute of it.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { database } from "../../../src/db/client";
import type { Env } from "../../../src/env";
import { settleSandboxPayout } from "../../../src/db/sandbox-payouts";
import { sweepPayouts } from "../../../src/maintenance/payouts";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, uniquePhone } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";

const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: TEST_IDENTITIES[1].name };
const ACCOUNT = { account_number: "3100 1234 5678 9012", bank: "105", branch_code: "105331000018", consent: "yes" };
const ctx = () => ({ db: database(env.DB), env: env as unknown as Env });

async function payoutRequested() {
  const { testKey } = await newPartner("宁波产权");
  const v = await newVerification(testKey, { type: "organization", methods: ["transfer_forward"] });
  const a = new Applicant(v.id);
  await a.signIn(testKey, uniquePhone());
  await a.post("/organization/check", { consent: "yes", ...ORG });
  await a.post("/organization/role", { role: "agent" });
  await a.post("/method", { method: "transfer_forward" });
  await a.post("/transfer/account", ACCOUNT);
  const row = (await env.DB.prepare("select rowid, transfer from verifications where id = ?").bind(v.id).first<{ rowid: number; transfer: string }>())!;
  return { testKey, v, rowid: row.rowid, reference: JSON.parse(row.transfer).payout.reference as string };
}

const status = async (key: string, id: string) => (await call(`/v1/verifications/${id}`, { key })).json.transfer.status as string;
/** A time whose minute of the hour is `minute`. */
const atMinute = (minute: number) => Date.UTC(2026, 11, 4, 10, minute, 30);

describe("the payout sweep", () => {
  it("should find a payout paid at the bank by itself, and one returned after it was paid within the hour, in its own minute only", async () => {
    const { testKey, v, rowid, reference } = await payoutRequested();
    await settleSandboxPayout(database(env.DB), reference, "paid", Date.now());
    expect(await status(testKey, v.id)).toBe("payout_requested");
    await sweepPayouts(ctx(), Date.now());
    expect(await status(testKey, v.id)).toBe("awaiting_amount");

    await settleSandboxPayout(database(env.DB), reference, "refunded", Date.now());
    const own = rowid % 60;
    await sweepPayouts(ctx(), atMinute((own + 1) % 60));
    expect(await status(testKey, v.id)).toBe("awaiting_amount");
    await sweepPayouts(ctx(), atMinute(own));
    expect(await status(testKey, v.id)).toBe("payout_failed");
  });
});
