// The bank contract: one table of cases, run against the sandbox (steered by magic values) and
// against the Tencent Cloud adapter (fed the recorded BankCard4EVerification response).
import { describe, it } from "vitest";
import type { BankQuery, BankReason } from "../../../../src/providers/bank/index";
import { sandboxBank } from "../../../../src/providers/bank/sandbox";
import { tencentCloudBank } from "../../../../src/providers/bank/tencentcloud";
import { SANDBOX_CARDS, SANDBOX_NAMES, SANDBOX_PHONE_SUFFIXES, TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import { expectAnswer, recordedRequestId, SANDBOX_SERIAL, type Expected } from "../contract";
import busy from "../fixtures/tencentcloud/BankCard4EVerification.busy.json";
import cardLost from "../fixtures/tencentcloud/BankCard4EVerification.card_lost.json";
import holderMismatch from "../fixtures/tencentcloud/BankCard4EVerification.holder_mismatch.json";
import match from "../fixtures/tencentcloud/BankCard4EVerification.match.json";
import notPassed from "../fixtures/tencentcloud/BankCard4EVerification.not_passed.json";
import { replay, settingsWith } from "../recorded-fetch";

const [, li] = TEST_IDENTITIES;
const holder: BankQuery = { name: li.name, idNumber: li.idNumber, cardNumber: li.cardNumber, phone: li.phone };

const cases: { title: string; expected: Expected<BankReason>; sandbox: BankQuery; recorded: { Response: { RequestId: string } } }[] = [
  { title: "the card's holder and reserved phone", expected: { outcome: "match" }, sandbox: holder, recorded: match },
  {
    title: "a phone the bank does not hold for the card",
    expected: { outcome: "no_match", reason: "card_phone_mismatch" },
    sandbox: { ...holder, phone: `1390000${SANDBOX_PHONE_SUFFIXES.notTheApplicants}` },
    recorded: notPassed,
  },
  {
    title: "a name that is not the ID's",
    expected: { outcome: "no_match", reason: "name_id_mismatch" },
    sandbox: { ...holder, name: SANDBOX_NAMES.nameIdMismatch },
    recorded: holderMismatch,
  },
  {
    title: "a card that cannot be used",
    expected: { outcome: "no_match", reason: "card_not_supported" },
    sandbox: { ...holder, cardNumber: SANDBOX_CARDS.notSupported },
    recorded: cardLost,
  },
  {
    title: "a busy bank network",
    expected: { outcome: "unavailable" },
    sandbox: { ...holder, name: SANDBOX_NAMES.unavailable },
    recorded: busy,
  },
];

describe("bank contract: sandbox", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ expected, sandbox }) => {
    expectAnswer(await sandboxBank().check(sandbox), expected, SANDBOX_SERIAL);
  });

  it("should answer unavailable for a phone ending in the unavailable suffix", async () => {
    const phone = `1390000${SANDBOX_PHONE_SUFFIXES.unavailable}`;
    expectAnswer(await sandboxBank().check({ ...holder, phone }), { outcome: "unavailable" }, SANDBOX_SERIAL);
  });
});

describe("bank contract: tencentcloud", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ expected, recorded }) => {
    const provider = tencentCloudBank(settingsWith(replay(recorded).fetch));
    expectAnswer(await provider.check(holder), expected, recordedRequestId(recorded));
  });
});
