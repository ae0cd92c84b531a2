// The Tencent Cloud SMS adapter beyond the shared contract: the request it sends (template, never
// the text), how per-number codes and request errors map, and transport failures.
import { describe, expect, it } from "vitest";
import { tencentCloudSms } from "../../../../src/providers/sms/tencentcloud";
import sent from "../fixtures/tencentcloud/SendSms.sent.json";
import { errorBody, replay, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";

const SMS_CONFIG = { sdkAppId: "1400006666", signName: "实名", templateId: "1110" };
const message = { phone: "13800138000", text: "【实名】验证码 482913，5 分钟内有效。", templateParams: ["482913", "5"] };

function statusBody(code: string) {
  return { Response: { SendStatusSet: [{ SerialNo: "", PhoneNumber: "+8613800138000", Fee: 0, SessionContext: "", Code: code, Message: "", IsoCode: "" }], RequestId: "req-1" } };
}

describe("tencentCloudSms", () => {
  it("should POST a signed SendSms with the approved template and the +86 number, never the text", async () => {
    const { fetch, sent: requests } = replay(sent);
    await tencentCloudSms({ ...settingsWith(fetch), ...SMS_CONFIG }).send(message);

    const [request] = requests;
    expect(request?.url).toBe("https://sms.tencentcloudapi.com/");
    expect(request?.headers.get("X-TC-Action")).toBe("SendSms");
    expect(request?.headers.get("X-TC-Version")).toBe("2021-01-11");
    expect(request?.headers.get("X-TC-Region")).toBe("ap-guangzhou");
    expect(request?.body).toEqual({
      PhoneNumberSet: ["+8613800138000"],
      SmsSdkAppId: "1400006666",
      SignName: "实名",
      TemplateId: "1110",
      TemplateParamSet: ["482913", "5"],
    });
    expect(request?.rawBody).not.toContain("分钟内有效");
  });

  it.each([
    ["Ok", "sent"],
    ["FailedOperation.PhoneNumberInBlacklist", "rejected"],
    ["InvalidParameterValue.IncorrectPhoneNumber", "rejected"],
    ["UnsupportedOperation.UnsuportedRegion", "rejected"],
    ["LimitExceeded.PhoneNumberThirtySecondLimit", "unavailable"],
    ["LimitExceeded.PhoneNumberOneHourLimit", "unavailable"],
    ["LimitExceeded.PhoneNumberDailyLimit", "unavailable"],
    ["LimitExceeded.PhoneNumberSameContentDailyLimit", "unavailable"],
    ["LimitExceeded.DeliveryFrequencyLimit", "unavailable"],
    ["LimitExceeded.AppDailyLimit", "unavailable"],
    ["FailedOperation.InsufficientBalanceInSmsPackage", "unavailable"],
    ["FailedOperation.SignatureIncorrectOrUnapproved", "unavailable"],
    ["FailedOperation.TemplateIncorrectOrUnapproved", "unavailable"],
    ["FailedOperation.TemplateParamSetNotMatchApprovedTemplate", "unavailable"],
    ["FailedOperation.ContainSensitiveWord", "unavailable"],
    ["InvalidParameterValue.TemplateParameterFormatError", "unavailable"],
    ["UnauthorizedOperation.SmsSdkAppIdVerifyFail", "unavailable"],
  ])("should map the per-number code %s to %s", async (code, expected) => {
    const answer = await tencentCloudSms({ ...settingsWith(replay(statusBody(code)).fetch), ...SMS_CONFIG }).send(message);
    expect(answer.outcome).toBe(expected);
    if (answer.outcome === "unavailable") expect(answer.detail).toBe(code);
    else expect(answer.serial).toBe("req-1");
  });

  it.each([
    ["FailedOperation.PhoneNumberInBlacklist", "rejected"],
    ["LimitExceeded.PhoneNumberDailyLimit", "unavailable"],
    ["AuthFailure.SecretIdNotFound", "unavailable"],
  ])("should map the request error %s to %s", async (code, expected) => {
    const answer = await tencentCloudSms({ ...settingsWith(replay(errorBody(code, "req-2")).fetch), ...SMS_CONFIG }).send(message);
    expect(answer.outcome).toBe(expected);
  });

  it("should answer unavailable when no per-number status came back", async () => {
    const empty = { Response: { SendStatusSet: [], RequestId: "req-3" } };
    const answer = await tencentCloudSms({ ...settingsWith(replay(empty).fetch), ...SMS_CONFIG }).send(message);
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "unexpected_response" });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    const answer = await tencentCloudSms({ ...settingsWith(fetch(), timeoutMs), ...SMS_CONFIG }).send(message);
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });
});
