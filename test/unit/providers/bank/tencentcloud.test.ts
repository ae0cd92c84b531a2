// The Tencent Cloud bank adapter beyond the shared contract: the request it signs and sends,
// every Result code documented for BankCard4EVerification, and transport failures.
import { describe, expect, it } from "vitest";
import { BANK_CARD_4E_RESULTS, tencentCloudBank } from "../../../../src/providers/bank/tencentcloud";
import { TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import match from "../fixtures/tencentcloud/BankCard4EVerification.match.json";
import { replay, resultBody, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";

const [, li] = TEST_IDENTITIES;
const holder = { name: li.name, idNumber: li.idNumber, cardNumber: li.cardNumber, phone: li.phone };

const DOCUMENTED: [string, object][] = [
  ["0", { outcome: "match" }],
  ["-1", { outcome: "no_match", reason: "card_phone_mismatch" }],
  ["-2", { outcome: "no_match", reason: "name_id_mismatch" }],
  ["-3", { outcome: "no_match", reason: "name_id_mismatch" }],
  ["-4", { outcome: "no_match", reason: "card_not_supported" }],
  ["-5", { outcome: "no_match", reason: "card_phone_mismatch" }],
  ["-6", { outcome: "no_match", reason: "name_id_mismatch" }],
  ...["-7", "-8", "-9", "-10", "-11", "-12", "-13", "-14", "-15", "-16", "-17"].map((code): [string, object] => [code, { outcome: "no_match", reason: "card_not_supported" }]),
  ["-18", { outcome: "unavailable" }],
  ["-19", { outcome: "unavailable" }],
  ["-20", { outcome: "no_match", reason: "card_not_supported" }],
];

describe("tencentCloudBank", () => {
  it("should POST a signed BankCard4EVerification with all four elements", async () => {
    const { fetch, sent } = replay(match);
    await tencentCloudBank(settingsWith(fetch)).check(holder);

    const [request] = sent;
    expect(request?.url).toBe("https://faceid.tencentcloudapi.com/");
    expect(request?.headers.get("X-TC-Action")).toBe("BankCard4EVerification");
    expect(request?.headers.get("X-TC-Version")).toBe("2018-03-01");
    expect(request?.body).toEqual({ Name: li.name, BankCard: li.cardNumber, Phone: li.phone, IdCard: li.idNumber, CertType: 0 });
  });

  it.each(DOCUMENTED)("should map documented Result %s", async (code, expected) => {
    const answer = await tencentCloudBank(settingsWith(replay(resultBody(code, "req-1")).fetch)).check(holder);
    expect(answer).toMatchObject(expected);
    if (answer.outcome !== "unavailable") expect(answer.serial).toBe("req-1");
  });

  it("should cover exactly the documented Result codes", () => {
    expect(Object.keys(BANK_CARD_4E_RESULTS).sort()).toEqual(DOCUMENTED.map(([code]) => code).sort());
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    const answer = await tencentCloudBank(settingsWith(fetch(), timeoutMs)).check(holder);
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });
});
