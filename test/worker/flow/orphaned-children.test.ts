// The cron's repair: a parent still waiting on a child that ended (its own write was lost) is told
// again, through the same move; and a second run moves nothing.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { tellOrphanedParents } from "../../../src/flow/orphaned-children";
import { Applicant } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";
import { RecordingQueue, writeContext } from "../webhooks/harness";

describe("parents a child's end did not reach", () => {
  it("should be told by the cron, once", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "organization", methods: ["legal_rep_personal"] });
    const a = new Applicant(v.id);
    await a.signIn(testKey);
    await a.post("/organization/check", { consent: "yes", org_name: "孤儿修复测试有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: "李四" });
    await a.post("/organization/role", { role: "legal_representative" });
    const waiting = await a.post("/method", { method: "legal_rep_personal" });
    const childId = /href="\/v\/(ver_[0-9A-Za-z]{24})"/.exec(waiting.html)![1]!;
    // The child ended verified two minutes ago, and the parent's write never happened.
    const ended = Date.now() - 120_000;
    await env.DB.prepare("update verifications set status = 'verified', method = 'mobile3', state = ?, completed_at = ?, version = version + 1 where id = ?")
      .bind(JSON.stringify({ kind: "verified", method: "mobile3" }), ended, childId)
      .run();
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.status).toBe("in_progress");
    const ctx = writeContext(new RecordingQueue());
    expect(await tellOrphanedParents(ctx, Date.now())).toBeGreaterThanOrEqual(1);
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", method: "legal_rep_personal" });
    const told = await env.DB.prepare("select count(*) as n from verification_events where verification_id = ? and type = 'verification.child_ended'").bind(v.id).first<{ n: number }>();
    expect(told?.n).toBe(1);
    await tellOrphanedParents(ctx, Date.now());
    const again = await env.DB.prepare("select count(*) as n from verification_events where verification_id = ? and type = 'verification.child_ended'").bind(v.id).first<{ n: number }>();
    expect(again?.n).toBe(1);
  });
});
