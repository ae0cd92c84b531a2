// The SMS contract: one table of cases, run against the sandbox (steered by phone endings) and
// against the Tencent Cloud adapter (fed the recorded SendSms response).
import { describe, expect, it } from "vitest";
import { SANDBOX_PHONE_SUFFIXES, TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import type { SmsAnswer, SmsMessage } from "../../../../src/providers/sms/index";
import { sandboxSms } from "../../../../src/providers/sms/sandbox";
import { tencentCloudSms } from "../../../../src/providers/sms/tencentcloud";
import { recordedRequestId, SANDBOX_SERIAL } from "../contract";
import blacklisted from "../fixtures/tencentcloud/SendSms.blacklisted.json";
import sent from "../fixtures/tencentcloud/SendSms.sent.json";
import templateUnapproved from "../fixtures/tencentcloud/SendSms.template_unapproved.json";
import throttled from "../fixtures/tencentcloud/SendSms.throttled.json";
import { replay, settingsWith } from "../recorded-fetch";

const [zhang] = TEST_IDENTITIES;
const message: SmsMessage = { phone: zhang.phone, text: "【实名】验证码 482913，5 分钟内有效。", templateParams: ["482913", "5"] };
const SMS_CONFIG = { sdkAppId: "1400006666", signName: "实名", templateId: "1110" };

const cases: { title: string; expected: SmsAnswer["outcome"]; phone: string; recorded: { Response: { RequestId: string } } }[] = [
  { title: "a deliverable number", expected: "sent", phone: zhang.phone, recorded: sent },
  { title: "an unsubscribed number", expected: "rejected", phone: `1380000${SANDBOX_PHONE_SUFFIXES.smsRejected}`, recorded: blacklisted },
  { title: "a number sent to too often", expected: "unavailable", phone: `1380000${SANDBOX_PHONE_SUFFIXES.unavailable}`, recorded: throttled },
  { title: "an unapproved template", expected: "unavailable", phone: `1380000${SANDBOX_PHONE_SUFFIXES.unavailable}`, recorded: templateUnapproved },
];

function expectSms(answer: SmsAnswer, expected: SmsAnswer["outcome"], serial: string | RegExp) {
  expect(answer.outcome).toBe(expected);
  if (answer.outcome === "rejected") expect(answer.reason).toBe("phone_rejected");
  if (answer.outcome === "unavailable") return;
  if (typeof serial === "string") expect(answer.serial).toBe(serial);
  else expect(answer.serial).toMatch(serial);
}

describe("sms contract: sandbox", () => {
  it.each(cases)("should answer $expected for $title", async ({ expected, phone }) => {
    expectSms(await sandboxSms().send({ ...message, phone }), expected, SANDBOX_SERIAL);
  });

  it("should hand back the message for the caller to store, since it keeps no outbox", async () => {
    const answer = await sandboxSms().send(message);
    expect(answer).toMatchObject({ outcome: "sent", sandboxCopy: { phone: message.phone, text: message.text } });
  });
});

describe("sms contract: tencentcloud", () => {
  it.each(cases)("should answer $expected for $title", async ({ expected, recorded }) => {
    const provider = tencentCloudSms({ ...settingsWith(replay(recorded).fetch), ...SMS_CONFIG });
    const answer = await provider.send(message);
    expectSms(answer, expected, recordedRequestId(recorded));
    expect(answer).not.toHaveProperty("sandboxCopy");
  });
});
