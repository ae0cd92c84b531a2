// The Tencent Cloud client: what it signs and sends, which `Response.Error` families it turns
// into `unavailable` itself, and every transport failure.
import { describe, expect, it } from "vitest";
import { PROVIDER_TIMEOUT_MS } from "../../../../src/providers/deadline";
import { callTencentCloud, isSystemError } from "../../../../src/providers/tencentcloud/client";
import { signTc3 } from "../../../../src/providers/tencentcloud/tc3";
import { errorBody, FIXED_NOW, replay, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";

const call = { service: "faceid", action: "IdCardVerification", version: "2018-03-01", payload: { IdCard: "110101199003071233", Name: "张三" } };

describe("callTencentCloud", () => {
  it("should POST the exact bytes it signed, with the signed headers", async () => {
    const { fetch, sent } = replay({ Response: { Result: "0", RequestId: "req-1" } });
    const settings = settingsWith(fetch);
    await callTencentCloud({ ...settings, ...call });

    const payload = JSON.stringify(call.payload);
    const expected = await signTc3({
      secretId: settings.credentials.secretId,
      secretKey: settings.credentials.secretKey,
      service: "faceid",
      host: "faceid.tencentcloudapi.com",
      action: "IdCardVerification",
      version: "2018-03-01",
      region: "ap-guangzhou",
      timestamp: FIXED_NOW / 1000,
      payload,
    });
    const [request] = sent;
    expect(request?.url).toBe("https://faceid.tencentcloudapi.com/");
    expect(request?.method).toBe("POST");
    expect(request?.rawBody).toBe(payload);
    for (const [name, value] of Object.entries(expected.headers)) expect(request?.headers.get(name)).toBe(value);
  });

  it("should return the parsed Response with its RequestId", async () => {
    const reply = await callTencentCloud({ ...settingsWith(replay({ Response: { Result: "0", RequestId: "req-1" } }).fetch), ...call });
    expect(reply).toEqual({ outcome: "response", requestId: "req-1", body: { Result: "0", RequestId: "req-1" } });
  });

  it.each([
    "AuthFailure.SignatureFailure",
    "AuthFailure.SignatureExpire",
    "AuthFailure.SecretIdNotFound",
    "InternalError",
    "InternalError.UnKnown",
    "RequestLimitExceeded",
    "RequestLimitExceeded.UinLimitExceeded",
    "ResourcesSoldOut.ChargeStatusException",
    "ServiceUnavailable",
    "UnauthorizedOperation.Arrears",
    "UnauthorizedOperation.Nonactivated",
    "UnsupportedRegion",
  ])("should answer unavailable for the account-wide error %s", async (code) => {
    const reply = await callTencentCloud({ ...settingsWith(replay(errorBody(code, "req-2")).fetch), ...call });
    expect(reply).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: code });
  });

  it.each(["FailedOperation.LivessDetectFail", "InvalidParameter", "InvalidParameterValue", "LimitExceeded.PhoneNumberDailyLimit"])(
    "should hand the request error %s back to the adapter",
    async (code) => {
      const reply = await callTencentCloud({ ...settingsWith(replay(errorBody(code, "req-3")).fetch), ...call });
      expect(reply).toMatchObject({ outcome: "response", requestId: "req-3", error: { code } });
    },
  );

  it("should tell system error families by their first segment only", () => {
    expect(isSystemError("InternalErrorish")).toBe(false);
    expect(isSystemError("FailedOperation.InternalError")).toBe(false);
    expect(isSystemError("AuthFailure")).toBe(true);
  });

  it.each([
    ["a body that is not JSON", "<html>oops</html>", "invalid_json"],
    ["a body without Response", { Result: "0" }, "unexpected_response"],
    ["a Response without RequestId", { Response: { Result: "0" } }, "unexpected_response"],
  ])("should answer unavailable for %s", async (_title, body, detail) => {
    const reply = await callTencentCloud({ ...settingsWith(replay(body).fetch), ...call });
    expect(reply).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    const reply = await callTencentCloud({ ...settingsWith(fetch(), timeoutMs), ...call });
    expect(reply).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });

  it("should wait eight seconds by default", () => {
    expect(PROVIDER_TIMEOUT_MS).toBe(8_000);
  });
});
