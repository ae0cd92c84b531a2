import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signatureHeader, webhookHeaders } from "../../../src/webhooks/signing";

const body = JSON.stringify({ type: "verification.verified", timestamp: "2026-11-20T08:00:00.000Z", data: { id: "ver_x" } });

describe("Standard Webhooks signing", () => {
  it("should make secrets in the whsec_ form with 32 random bytes", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it("should produce headers the official standardwebhooks library accepts", async () => {
    const secret = newWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = await webhookHeaders([secret], "evt_1", now, body);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("should sign with every live secret so either one verifies", async () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const now = Math.floor(Date.now() / 1000);
    const headers = await webhookHeaders([newSecret, oldSecret], "evt_2", now, body);
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("should match the specification's example signature", async () => {
    // From the Standard Webhooks specification's reference test vectors.
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const header = await signatureHeader([secret], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
    expect(header).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("should fail verification when one byte of the body changes", async () => {
    const secret = newWebhookSecret();
    const headers = await webhookHeaders([secret], "evt_3", Math.floor(Date.now() / 1000), body);
    expect(() => new Webhook(secret).verify(body.replace("verified", "verifiex"), headers)).toThrow();
  });
});
