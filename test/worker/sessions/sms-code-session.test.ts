// The SMS-code object needs DATA_KEY and nothing else from the env: a Worker setting that breaks
// the config (here ADMIN_TOKEN) must not break sending or checking codes.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../../src/config";
import { SmsCodeSession } from "../../../src/sessions/sms-code-session";

const badAdminEnv = { ...env, ADMIN_TOKEN: "short" };

describe("SmsCodeSession", () => {
  it("should issue and check a code when ADMIN_TOKEN is invalid", async () => {
    expect(() => readConfig(badAdminEnv)).toThrow(/ADMIN_TOKEN/);
    const stub = env.SMS_CODES.get(env.SMS_CODES.newUniqueId());
    await runInDurableObject(stub, async (_o: SmsCodeSession, state) => {
      // The same storage, with the broken env: the object is built as the runtime would build it.
      const session = new SmsCodeSession(state, badAdminEnv);
      const issued = await session.issueCode("ver_bad_admin", "mobile3");
      if (!issued.ok) throw new Error(`issue refused: ${issued.reason}`);
      expect(await session.status("ver_bad_admin", "mobile3")).toMatchObject({ codeLive: true });
      expect(await session.checkCode("ver_bad_admin", "mobile3", issued.code)).toMatchObject({ ok: true });
    });
  });

  it("should let the next code go at once after one was entered right, and hold the minute after one that was not", async () => {
    const stub = env.SMS_CODES.get(env.SMS_CODES.newUniqueId());
    await runInDurableObject(stub, async (session: SmsCodeSession) => {
      const first = await session.issueCode("ver_next_step", "app_authorization");
      if (!first.ok) throw new Error(`issue refused: ${first.reason}`);
      expect(await session.issueCode("ver_next_step", "app_authorization")).toMatchObject({ ok: false, reason: "cooldown" });
      expect(await session.checkCode("ver_next_step", "app_authorization", first.code)).toEqual({ ok: true });
      expect((await session.status("ver_next_step", "authorization_signing")).nextSendInMs).toBe(0);
      const second = await session.issueCode("ver_next_step", "authorization_signing");
      expect(second).toMatchObject({ ok: true });
      // The signing code, not entered: the next one waits its minute again.
      expect(await session.issueCode("ver_next_step", "authorization_signing")).toMatchObject({ ok: false, reason: "cooldown" });
    });
  });

  it("should refuse to work without a valid DATA_KEY, naming only DATA_KEY", async () => {
    const stub = env.SMS_CODES.get(env.SMS_CODES.newUniqueId());
    await runInDurableObject(stub, async (_o: SmsCodeSession, state) => {
      const session = new SmsCodeSession(state, { ...env, DATA_KEY: "not-a-key" });
      await expect(session.issueCode("ver_bad_key", "mobile3")).rejects.toThrow(/^configuration invalid: DATA_KEY: /);
    });
  });
});
