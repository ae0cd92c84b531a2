// The phone link's code: what it is made of, and how it reads what people type.
import { describe, expect, it } from "vitest";
import { CROCKFORD, groupedCode, LINK_CODE_LENGTH, newHandoffId, newLinkCode, normalizeCode, readLinkCode } from "../../../src/handoff/link-code";

const tag = async (value: string) => {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("k".repeat(32)), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return Buffer.from(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(value))).toString("hex");
};

describe("the phone link's code", () => {
  it("should be the handoff id, a secret and a keyed check, 20 characters of Crockford base32", async () => {
    const handoffId = newHandoffId();
    const { code, secret } = await newLinkCode(tag, handoffId);
    expect(code).toHaveLength(LINK_CODE_LENGTH);
    expect(LINK_CODE_LENGTH).toBe(20);
    expect([...code].every((ch) => CROCKFORD.includes(ch))).toBe(true);
    expect(code.startsWith(handoffId + secret)).toBe(true);
    expect(await readLinkCode(tag, code)).toEqual({ handoffId, secret });
  });

  it("should read it as typed: lower case, dashes, spaces, O for 0, I and L for 1", async () => {
    const { code } = await newLinkCode(tag, newHandoffId());
    const typed = groupedCode(code).toLowerCase().replace(/0/g, "o").replace(/1/g, "l").replace(/-/g, " - ");
    expect(normalizeCode(typed)).toBe(code);
    expect(await readLinkCode(tag, typed)).not.toBeNull();
  });

  it("should turn away a code with one character changed, or of the wrong length or alphabet, without asking anyone", async () => {
    const { code } = await newLinkCode(tag, newHandoffId());
    let caught = 0;
    for (let at = 0; at < code.length; at++) {
      const other = CROCKFORD[(CROCKFORD.indexOf(code[at]!) + 1) % 32]!;
      if ((await readLinkCode(tag, code.slice(0, at) + other + code.slice(at + 1))) === null) caught++;
    }
    // Ten bits of check: a single changed character slips through about once in a thousand.
    expect(caught).toBeGreaterThanOrEqual(code.length - 1);
    expect(await readLinkCode(tag, code.slice(1))).toBeNull();
    expect(await readLinkCode(tag, `${code.slice(0, -1)}U`)).toBeNull();
    expect(normalizeCode("")).toBeNull();
  });

  it("should group it in fours for reading off a screen", () => {
    expect(groupedCode("7K2M9XD4HTBP3JW8RCA5")).toBe("7K2M-9XD4-HTBP-3JW8-RCA5");
  });
});
