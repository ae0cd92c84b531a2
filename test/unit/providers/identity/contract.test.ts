// The identity contract: one table of cases, run against the sandbox (steered by magic values)
// and against the Tencent Cloud adapter (fed the recorded IdCardVerification response).
import { describe, it } from "vitest";
import type { IdentityQuery, IdentityReason } from "../../../../src/providers/identity/index";
import { sandboxIdentity } from "../../../../src/providers/identity/sandbox";
import { tencentCloudIdentity } from "../../../../src/providers/identity/tencentcloud";
import { SANDBOX_ID_NUMBERS, SANDBOX_NAMES, TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import { expectAnswer, recordedRequestId, SANDBOX_SERIAL, type Expected } from "../contract";
import internalError from "../fixtures/tencentcloud/IdCardVerification.internal_error.json";
import match from "../fixtures/tencentcloud/IdCardVerification.match.json";
import mismatch from "../fixtures/tencentcloud/IdCardVerification.mismatch.json";
import noRecord from "../fixtures/tencentcloud/IdCardVerification.no_record.json";
import registryError from "../fixtures/tencentcloud/IdCardVerification.registry_error.json";
import { replay, settingsWith } from "../recorded-fetch";

const [zhang] = TEST_IDENTITIES;

type Case = {
  title: string;
  expected: Expected<IdentityReason>;
  sandbox: IdentityQuery;
  /** Absent where Tencent Cloud documents no response that means this. */
  recorded?: { Response: { RequestId: string } };
};

const cases: Case[] = [
  { title: "a matching name and ID", expected: { outcome: "match" }, sandbox: zhang, recorded: match },
  {
    title: "a name that is not the ID's",
    expected: { outcome: "no_match", reason: "name_id_mismatch" },
    sandbox: { name: SANDBOX_NAMES.nameIdMismatch, idNumber: zhang.idNumber },
    recorded: mismatch,
  },
  {
    title: "an ID the registry does not hold",
    expected: { outcome: "no_match", reason: "id_not_found" },
    sandbox: { name: zhang.name, idNumber: SANDBOX_ID_NUMBERS.notFound },
    recorded: noRecord,
  },
  {
    title: "an expired ID",
    expected: { outcome: "no_match", reason: "id_expired" },
    sandbox: { name: zhang.name, idNumber: SANDBOX_ID_NUMBERS.expired },
  },
  {
    title: "a registry that is down",
    expected: { outcome: "unavailable" },
    sandbox: { name: SANDBOX_NAMES.unavailable, idNumber: zhang.idNumber },
    recorded: registryError,
  },
  {
    title: "a vendor internal error",
    expected: { outcome: "unavailable" },
    sandbox: { name: SANDBOX_NAMES.unavailable, idNumber: zhang.idNumber },
    recorded: internalError,
  },
];

describe("identity contract: sandbox", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ expected, sandbox }) => {
    expectAnswer(await sandboxIdentity().check(sandbox), expected, SANDBOX_SERIAL);
  });
});

describe("identity contract: tencentcloud", () => {
  const recordedCases = cases.flatMap((c) => (c.recorded ? [{ ...c, recorded: c.recorded }] : []));
  it.each(recordedCases)("should answer $expected.outcome for $title", async ({ expected, recorded }) => {
    const provider = tencentCloudIdentity(settingsWith(replay(recorded).fetch));
    expectAnswer(await provider.check(zhang), expected, recordedRequestId(recorded));
  });
});
