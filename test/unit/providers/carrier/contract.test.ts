// The carrier contract: one table of cases, run against the sandbox (steered by magic values)
// and against the Tencent Cloud adapter (fed the recorded PhoneVerification response).
import { describe, it } from "vitest";
import type { CarrierQuery, CarrierReason } from "../../../../src/providers/carrier/index";
import { sandboxCarrier } from "../../../../src/providers/carrier/sandbox";
import { tencentCloudCarrier } from "../../../../src/providers/carrier/tencentcloud";
import { SANDBOX_NAMES, SANDBOX_PHONE_SUFFIXES, TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import { expectAnswer, recordedRequestId, SANDBOX_SERIAL, type Expected } from "../contract";
import busy from "../fixtures/tencentcloud/PhoneVerification.busy.json";
import match from "../fixtures/tencentcloud/PhoneVerification.match.json";
import nameIdMismatch from "../fixtures/tencentcloud/PhoneVerification.name_id_mismatch.json";
import phoneMismatch from "../fixtures/tencentcloud/PhoneVerification.phone_mismatch.json";
import { replay, settingsWith } from "../recorded-fetch";

const [zhang] = TEST_IDENTITIES;
const person = { name: zhang.name, idNumber: zhang.idNumber, phone: zhang.phone };

const cases: { title: string; expected: Expected<CarrierReason>; sandbox: CarrierQuery; recorded: { Response: { RequestId: string } } }[] = [
  { title: "a phone registered to the person", expected: { outcome: "match" }, sandbox: person, recorded: match },
  {
    title: "a phone registered to someone else",
    expected: { outcome: "no_match", reason: "phone_not_registered_to_id" },
    sandbox: { ...person, phone: `1380000${SANDBOX_PHONE_SUFFIXES.notTheApplicants}` },
    recorded: phoneMismatch,
  },
  {
    title: "a name that is not the ID's",
    expected: { outcome: "no_match", reason: "name_id_mismatch" },
    sandbox: { ...person, name: SANDBOX_NAMES.nameIdMismatch },
    recorded: nameIdMismatch,
  },
  {
    title: "a busy carrier",
    expected: { outcome: "unavailable" },
    sandbox: { ...person, phone: `1380000${SANDBOX_PHONE_SUFFIXES.unavailable}` },
    recorded: busy,
  },
];

describe("carrier contract: sandbox", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ expected, sandbox }) => {
    expectAnswer(await sandboxCarrier().check(sandbox), expected, SANDBOX_SERIAL);
  });

  it("should answer unavailable for the unavailable name", async () => {
    expectAnswer(await sandboxCarrier().check({ ...person, name: SANDBOX_NAMES.unavailable }), { outcome: "unavailable" }, SANDBOX_SERIAL);
  });
});

describe("carrier contract: tencentcloud", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ expected, recorded }) => {
    const provider = tencentCloudCarrier(settingsWith(replay(recorded).fetch));
    expectAnswer(await provider.check(person), expected, recordedRequestId(recorded));
  });
});
