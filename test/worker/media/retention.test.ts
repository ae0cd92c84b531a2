import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../../src/index";
import { describe, expect, it } from "vitest";
import { database } from "../../../src/db/client";
import { sweepMedia } from "../../../src/media/retention";
import { call, newPartner, newVerification } from "../helpers";

async function events(id: string) {
  return (await env.DB.prepare("select type, data from verification_events where verification_id = ? and type = 'media.deleted'").bind(id).all<{ type: string; data: string }>()).results;
}

describe("media retention", () => {
  it("should delete media of ended verifications at once and record that it existed, not what it was", async () => {
    const { testKey } = await newPartner();
    const open = await newVerification(testKey);
    const ended = await newVerification(testKey);
    await call(`/v1/verifications/${ended.id}/cancel`, { key: testKey, method: "POST" });
    await env.IMAGES.put(`id-images/${open.id}/a`, "front");
    await env.IMAGES.put(`id-images/${ended.id}/b`, "front");
    await env.IMAGES.put(`clips/${ended.id}/c`, "clip");

    const result = await sweepMedia({ db: database(env.DB), env, retentionMs: 24 * 3_600_000 }, Date.now());
    expect(result).toEqual({ deleted: 2 });
    expect(await env.IMAGES.head(`id-images/${open.id}/a`)).not.toBeNull();
    expect(await env.IMAGES.head(`id-images/${ended.id}/b`)).toBeNull();
    expect(await env.IMAGES.head(`clips/${ended.id}/c`)).toBeNull();
    const recorded = await events(ended.id);
    expect(recorded).toHaveLength(1);
    expect(JSON.parse(recorded[0]!.data)).toEqual({ count: 2, kinds: ["id-images", "clips"] });
    expect(await events(open.id)).toHaveLength(0);
  });

  it("should delete media older than the retention period even while the verification is open", async () => {
    const { testKey } = await newPartner();
    const open = await newVerification(testKey);
    await env.IMAGES.put(`clips/${open.id}/old`, "clip");
    const later = Date.now() + 25 * 3_600_000;
    const swept = await sweepMedia({ db: database(env.DB), env, retentionMs: 24 * 3_600_000 }, later);
    expect(swept.deleted).toBeGreaterThanOrEqual(1);
    expect(await env.IMAGES.head(`clips/${open.id}/old`)).toBeNull();
  });

  it("should run from the Worker's cron handler", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST" });
    await env.IMAGES.put(`id-images/${v.id}/x`, "front");
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env);
    await waitOnExecutionContext(ctx);
    expect(await env.IMAGES.head(`id-images/${v.id}/x`)).toBeNull();
  });
});
