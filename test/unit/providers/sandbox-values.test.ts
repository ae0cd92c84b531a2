// The magic values and test identities are only useful if the real forms accept them: every one
// must pass the domain validators, the test identities must match everywhere, and the sandbox
// serial must be the documented, predictable hash.
import { describe, expect, it } from "vitest";
import { validateBankCardNumber, validateMobileNumber, validatePersonName, validateResidentIdNumber } from "../../../src/domain/validators";
import { sandboxBank } from "../../../src/providers/bank/sandbox";
import { sandboxCarrier } from "../../../src/providers/carrier/sandbox";
import { sandboxFace } from "../../../src/providers/face/sandbox";
import { sandboxIdentity } from "../../../src/providers/identity/sandbox";
import { sandboxSerial } from "../../../src/providers/sandbox-answer";
import { SANDBOX_CARDS, SANDBOX_ID_NUMBERS, SANDBOX_NAMES, SANDBOX_OCR_DEFAULTS, SANDBOX_PHONE_SUFFIXES, TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { sandboxSms } from "../../../src/providers/sms/sandbox";

const TODAY = new Date("2025-01-01T00:00:00Z");

describe("sandbox values", () => {
  it.each([...Object.values(SANDBOX_ID_NUMBERS), ...TEST_IDENTITIES.map((t) => t.idNumber), SANDBOX_OCR_DEFAULTS.front.idNumber])("should use the valid ID number %s", (idNumber) => {
    expect(validateResidentIdNumber(idNumber, TODAY)).toEqual({ ok: true, value: idNumber });
  });

  it.each([...Object.values(SANDBOX_CARDS), ...TEST_IDENTITIES.map((t) => t.cardNumber)])("should use the Luhn-valid card %s", (card) => {
    expect(validateBankCardNumber(card)).toEqual({ ok: true, value: card });
  });

  it.each([...Object.values(SANDBOX_PHONE_SUFFIXES).map((suffix) => `1380000${suffix}`), ...TEST_IDENTITIES.map((t) => t.phone)])("should use the valid phone %s", (phone) => {
    expect(validateMobileNumber(phone)).toEqual({ ok: true, value: phone });
  });

  it.each([...Object.values(SANDBOX_NAMES), ...TEST_IDENTITIES.map((t) => t.name)])("should use the valid name %s", (name) => {
    expect(validatePersonName(name)).toEqual({ ok: true, value: name });
  });

  it.each(TEST_IDENTITIES)("should match $name in every capability", async (person) => {
    const { name, idNumber, phone, cardNumber } = person;
    expect((await sandboxIdentity().check({ name, idNumber })).outcome).toBe("match");
    expect((await sandboxCarrier().check({ name, idNumber, phone })).outcome).toBe("match");
    expect((await sandboxBank().check({ name, idNumber, cardNumber, phone })).outcome).toBe("match");
    const clip = new Uint8Array([1, 2, 3]);
    expect((await sandboxFace().checkLiveness({ name, idNumber, clip, clipType: "video/mp4", expectedActions: ["blink", "open_mouth"] })).outcome).toBe("match");
    expect((await sandboxSms().send({ phone, text: "code 123456", templateParams: ["123456"] })).outcome).toBe("sent");
  });

  it("should avoid every magic phone ending in the test identities", () => {
    for (const { phone } of TEST_IDENTITIES) {
      for (const suffix of Object.values(SANDBOX_PHONE_SUFFIXES)) expect(phone.endsWith(suffix)).toBe(false);
    }
  });
});

describe("sandbox serial", () => {
  it("should be sbx_ and 16 random hex digits, never derived from what was checked", async () => {
    const [zhang] = TEST_IDENTITIES;
    const first = await sandboxIdentity().check(zhang);
    const again = await sandboxIdentity().check(zhang);
    expect(first).toMatchObject({ outcome: "match", serial: expect.stringMatching(/^sbx_[0-9a-f]{16}$/) });
    // The same input gets the same verdict and another serial.
    expect({ ...again, serial: first.outcome === "match" ? first.serial : "" }).toEqual(first);
    expect(again.outcome === "match" && again.serial).not.toBe(first.outcome === "match" && first.serial);
    expect(new Set(Array.from({ length: 100 }, sandboxSerial)).size).toBe(100);
  });
});
