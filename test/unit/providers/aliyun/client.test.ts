// The Aliyun RPC client: what it sends (a signed form POST, nothing in the URL) and how it reads
// each kind of answer. Every Code but Success, documented or not, is unavailable with that Code.
import { describe, expect, it } from "vitest";
import { callAliyun } from "../../../../src/providers/aliyun/client";
import accountAccessDenied from "../fixtures/aliyun/EntElementVerifyV2.account_access_denied.json";
import match from "../fixtures/aliyun/EntElementVerifyV2.match.json";
import { ALIYUN_TRANSPORT_FAILURES, aliyunSettingsWith, replayAliyun } from "./fake-aliyun";

const CALL = { host: "cloudauth.aliyuncs.com", action: "EntElementVerifyV2", version: "2022-11-25", params: { EntName: "示例（北京）有限公司", LicenseNo: "91110108MA0000000A" } };

describe("callAliyun", () => {
  it("should POST the parameters as a signed form body to the host's root, with an empty query", async () => {
    const { fetch, sent } = replayAliyun(match);
    await callAliyun({ ...aliyunSettingsWith(fetch), ...CALL });

    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe("https://cloudauth.aliyuncs.com/");
    expect(request?.method).toBe("POST");
    expect(request?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.get("x-acs-action")).toBe("EntElementVerifyV2");
    expect(request?.headers.get("x-acs-version")).toBe("2022-11-25");
    expect(request?.headers.get("x-acs-date")).toBe("2023-11-14T22:13:20Z");
    expect(request?.headers.get("x-acs-signature-nonce")).toMatch(/^[0-9a-f]{32}$/);
    expect(request?.headers.get("authorization")).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAItestonlyNOTAREALKEY,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/,
    );
    expect(Object.fromEntries(request?.params ?? [])).toEqual(CALL.params);
  });

  it("should use a fresh nonce for every request, so none can be replayed", async () => {
    const { fetch, sent } = replayAliyun(match);
    await callAliyun({ ...aliyunSettingsWith(fetch), ...CALL });
    await callAliyun({ ...aliyunSettingsWith(fetch), ...CALL });
    expect(sent[0]?.headers.get("x-acs-signature-nonce")).not.toBe(sent[1]?.headers.get("x-acs-signature-nonce"));
  });

  it("should answer the body and RequestId of a Success", async () => {
    const reply = await callAliyun({ ...aliyunSettingsWith(replayAliyun(match).fetch), ...CALL });
    expect(reply).toEqual({ outcome: "response", requestId: match.RequestId, body: match });
  });

  // The return codes in the API's table beside Success (400, 401, 403), then gateway-wide ones.
  it.each([
    [400, "MissingParameter"],
    [401, "InvalidParameter"],
    [403, "Forbidden.AccountAccessDenied"],
    [403, "Forbidden.RAMUserAccessDenied"],
    [403, "Forbidden.ExceptionRepeatedInvoke"],
    [429, "Throttling.User"],
    [500, "InternalError"],
  ])("should answer unavailable with the Code for HTTP %i %s", async (status, code) => {
    const body = { RequestId: "req-e", HostId: "cloudauth.aliyuncs.com", Code: code, Message: "…" };
    expect(await callAliyun({ ...aliyunSettingsWith(replayAliyun(body, status).fetch), ...CALL })).toEqual({ outcome: "unavailable", provider: "aliyun", detail: code });
  });

  it("should read the recorded refusal of an account without the service", async () => {
    const reply = await callAliyun({ ...aliyunSettingsWith(replayAliyun(accountAccessDenied, 403).fetch), ...CALL });
    expect(reply).toEqual({ outcome: "unavailable", provider: "aliyun", detail: "Forbidden.AccountAccessDenied" });
  });

  it("should answer unavailable for a Code other than Success on HTTP 200, never a reply", async () => {
    const reply = await callAliyun({ ...aliyunSettingsWith(replayAliyun({ RequestId: "r", Code: "Some.New<Code>" }).fetch), ...CALL });
    expect(reply).toEqual({ outcome: "unavailable", provider: "aliyun", detail: "Some.New_Code_" });
  });

  it.each([
    ["a body that is not JSON", "<xml/>", "invalid_json"],
    ["JSON without a RequestId", { Code: "Success" }, "unexpected_response"],
    ["JSON without a Code", { RequestId: "r" }, "unexpected_response"],
  ])("should answer unavailable for %s", async (_title, body, detail) => {
    expect(await callAliyun({ ...aliyunSettingsWith(replayAliyun(body).fetch), ...CALL })).toEqual({ outcome: "unavailable", provider: "aliyun", detail });
  });

  it.each(ALIYUN_TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    expect(await callAliyun({ ...aliyunSettingsWith(fetch(), timeoutMs), ...CALL })).toEqual({ outcome: "unavailable", provider: "aliyun", detail });
  });
});
