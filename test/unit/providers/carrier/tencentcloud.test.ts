// The Tencent Cloud carrier adapter beyond the shared contract: the request it signs and sends,
// every Result code (and -4 detail) documented for PhoneVerification, and transport failures.
import { describe, expect, it } from "vitest";
import { PHONE_VERIFICATION_RESULTS, tencentCloudCarrier } from "../../../../src/providers/carrier/tencentcloud";
import { TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import match from "../fixtures/tencentcloud/PhoneVerification.match.json";
import { replay, resultBody, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";

const [zhang] = TEST_IDENTITIES;
const person = { name: zhang.name, idNumber: zhang.idNumber, phone: zhang.phone };

describe("tencentCloudCarrier", () => {
  it("should POST a signed PhoneVerification in detailed mode", async () => {
    const { fetch, sent } = replay(match);
    await tencentCloudCarrier(settingsWith(fetch)).check(person);

    const [request] = sent;
    expect(request?.url).toBe("https://faceid.tencentcloudapi.com/");
    expect(request?.headers.get("X-TC-Action")).toBe("PhoneVerification");
    expect(request?.headers.get("X-TC-Version")).toBe("2018-03-01");
    expect(request?.headers.get("Authorization")).toContain("/faceid/tc3_request");
    expect(request?.body).toEqual({ IdCard: zhang.idNumber, Name: zhang.name, Phone: zhang.phone, VerifyMode: "1" });
  });

  it.each([
    ["0", undefined, { outcome: "match" }],
    ["-4", "PhoneIdCardMismatch", { outcome: "no_match", reason: "phone_not_registered_to_id" }],
    ["-4", "PhoneNameMismatch", { outcome: "no_match", reason: "phone_not_registered_to_id" }],
    ["-4", "PhoneNameIdCardMismatch", { outcome: "no_match", reason: "phone_not_registered_to_id" }],
    ["-4", "NameIdCardMismatch", { outcome: "no_match", reason: "name_id_mismatch" }],
    ["-4", "OtherMismatch", { outcome: "no_match", reason: "phone_not_registered_to_id" }],
    ["-4", undefined, { outcome: "no_match", reason: "phone_not_registered_to_id" }],
    ["-6", undefined, { outcome: "no_match", reason: "phone_not_registered_to_id" }],
    ["-7", undefined, { outcome: "no_match", reason: "name_id_mismatch" }],
    ["-8", undefined, { outcome: "no_match", reason: "name_id_mismatch" }],
    ["-9", undefined, { outcome: "no_match", reason: "phone_not_registered_to_id" }],
    ["-11", undefined, { outcome: "unavailable" }],
    ["-12", undefined, { outcome: "unavailable" }],
  ])("should map documented Result %s (detail %s)", async (code, detail, expected) => {
    const body = resultBody(code, "req-1", detail === undefined ? {} : { ResultDetail: detail });
    const answer = await tencentCloudCarrier(settingsWith(replay(body).fetch)).check(person);
    expect(answer).toMatchObject(expected);
    if (answer.outcome !== "unavailable") expect(answer.serial).toBe("req-1");
  });

  it("should cover exactly the documented Result codes", () => {
    expect(Object.keys(PHONE_VERIFICATION_RESULTS).sort()).toEqual(["-11", "-12", "-4", "-6", "-7", "-8", "-9", "0"]);
  });

  it("should answer unavailable for an undocumented Result", async () => {
    const answer = await tencentCloudCarrier(settingsWith(replay(resultBody("-3", "req-2")).fetch)).check(person);
    expect(answer).toMatchObject({ outcome: "unavailable", detail: "undocumented_result:-3" });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    const answer = await tencentCloudCarrier(settingsWith(fetch(), timeoutMs)).check(person);
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });
});
