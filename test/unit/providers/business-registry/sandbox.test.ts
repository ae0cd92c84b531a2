// The business registry's sandbox twin: each magic value of SANDBOX_ORGANIZATIONS and the two
// legal-representative names steer it; every other well-formed organization matches, active, as a
// 3- or 4-element check by whether the ID number was given.
import { describe, expect, it } from "vitest";
import { validateCredentialCode } from "../../../../src/domain/validators";
import { sandboxBusinessRegistry } from "../../../../src/providers/business-registry/sandbox";
import { SANDBOX_NAMES, SANDBOX_ORGANIZATIONS, TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import { SANDBOX_SERIAL } from "../contract";
import { ORG, ORG_4 } from "./organizations";

const check = sandboxBusinessRegistry().check;

describe("sandboxBusinessRegistry", () => {
  it.each([
    ["the not-found name", { name: SANDBOX_ORGANIZATIONS.notFoundName }, { outcome: "no_match", reason: "org_not_found" }],
    ["the mismatching code, whatever the name", { credentialCode: SANDBOX_ORGANIZATIONS.nameMismatchCode }, { outcome: "no_match", reason: "name_code_mismatch" }],
    ["王不符 as the legal representative", { legalRepName: SANDBOX_NAMES.nameIdMismatch }, { outcome: "no_match", reason: "legal_rep_mismatch" }],
    ["李超时 as the legal representative", { legalRepName: SANDBOX_NAMES.unavailable }, { outcome: "unavailable", detail: "sandbox_unavailable" }],
    ["a name containing 注销", { name: `北京示例${SANDBOX_ORGANIZATIONS.deregisteredMark}科技有限公司` }, { outcome: "match", registryStatus: "deregistered" }],
    ["a name containing 吊销", { name: `北京示例${SANDBOX_ORGANIZATIONS.revokedMark}科技有限公司` }, { outcome: "match", registryStatus: "revoked" }],
  ])("should answer %s", async (_title, change, expected) => {
    for (const base of [ORG, ORG_4]) {
      const answer = await check({ ...base, ...change });
      expect(answer).toMatchObject({ ...expected, provider: "sandbox" });
      if (answer.outcome !== "unavailable") expect(answer.serial).toMatch(SANDBOX_SERIAL);
    }
  });

  it("should let 李超时 win over every other magic value", async () => {
    const everything = { name: SANDBOX_ORGANIZATIONS.notFoundName, credentialCode: SANDBOX_ORGANIZATIONS.nameMismatchCode, legalRepName: SANDBOX_NAMES.unavailable };
    expect(await check(everything)).toMatchObject({ outcome: "unavailable" });
  });

  it.each(TEST_IDENTITIES)("should match any other organization, active, with $name as its legal representative", async ({ name, idNumber }) => {
    expect(await check({ ...ORG, legalRepName: name })).toEqual({ outcome: "match", provider: "sandbox", serial: expect.stringMatching(SANDBOX_SERIAL), registryStatus: "active", elements: 3 });
    expect(await check({ ...ORG, legalRepName: name, legalRepIdNumber: idNumber })).toMatchObject({ outcome: "match", registryStatus: "active", elements: 4 });
  });

  it("should match a 15-digit registration number too", async () => {
    expect(await check({ ...ORG, credentialCode: "110108000000016" })).toMatchObject({ outcome: "match", registryStatus: "active" });
  });

  it("should use a mismatching code the validator accepts, so it can be typed into the real form", () => {
    expect(validateCredentialCode(SANDBOX_ORGANIZATIONS.nameMismatchCode)).toEqual({ ok: true, value: { kind: "uscc", value: SANDBOX_ORGANIZATIONS.nameMismatchCode } });
    expect(validateCredentialCode(ORG.credentialCode).ok).toBe(true);
  });
});
