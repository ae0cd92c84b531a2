// The Tencent Cloud identity adapter beyond the shared contract: the request it signs and sends,
// every Result code the vendor documents for IdCardVerification, and transport failures.
import { describe, expect, it } from "vitest";
import { ID_CARD_VERIFICATION_RESULTS, tencentCloudIdentity } from "../../../../src/providers/identity/tencentcloud";
import { TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import match from "../fixtures/tencentcloud/IdCardVerification.match.json";
import { errorBody, replay, resultBody, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";

const [zhang] = TEST_IDENTITIES;

describe("tencentCloudIdentity", () => {
  it("should POST a signed IdCardVerification with the name and ID number", async () => {
    const { fetch, sent } = replay(match);
    await tencentCloudIdentity(settingsWith(fetch)).check(zhang);

    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe("https://faceid.tencentcloudapi.com/");
    expect(request?.method).toBe("POST");
    expect(request?.headers.get("X-TC-Action")).toBe("IdCardVerification");
    expect(request?.headers.get("X-TC-Version")).toBe("2018-03-01");
    expect(request?.headers.get("X-TC-Region")).toBe("ap-guangzhou");
    expect(request?.headers.get("X-TC-Timestamp")).toBe("1700000000");
    expect(request?.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(request?.headers.get("Authorization")).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDtestonlyNOTAREALKEY\/2023-11-14\/faceid\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.body).toEqual({ IdCard: zhang.idNumber, Name: zhang.name });
  });

  // Every code in the vendor's documentation for this action, and what it means here.
  it.each([
    ["0", { outcome: "match" }],
    ["-1", { outcome: "no_match", reason: "name_id_mismatch" }],
    ["-2", { outcome: "no_match", reason: "id_not_found" }],
    ["-3", { outcome: "no_match", reason: "name_id_mismatch" }],
    ["-4", { outcome: "unavailable" }],
    ["-5", { outcome: "no_match", reason: "id_not_found" }],
    ["-6", { outcome: "unavailable" }],
    ["-7", { outcome: "unavailable" }],
  ])("should map documented Result %s", async (code, expected) => {
    const answer = await tencentCloudIdentity(settingsWith(replay(resultBody(code, "req-1")).fetch)).check(zhang);
    expect(answer).toMatchObject(expected);
    if (answer.outcome !== "unavailable") expect(answer.serial).toBe("req-1");
  });

  it("should cover exactly the documented Result codes", () => {
    expect(Object.keys(ID_CARD_VERIFICATION_RESULTS).sort()).toEqual(["-1", "-2", "-3", "-4", "-5", "-6", "-7", "0"]);
  });

  it("should answer unavailable, never match, for an undocumented Result", async () => {
    const answer = await tencentCloudIdentity(settingsWith(replay(resultBody("-99", "req-2")).fetch)).check(zhang);
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "undocumented_result:-99" });
  });

  it("should answer unavailable for a request error such as InvalidParameterValue", async () => {
    const answer = await tencentCloudIdentity(settingsWith(replay(errorBody("InvalidParameterValue", "req-3")).fetch)).check(zhang);
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "InvalidParameterValue" });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    const answer = await tencentCloudIdentity(settingsWith(fetch(), timeoutMs)).check(zhang);
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });
});
