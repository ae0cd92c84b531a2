// The verified text must be the member's value byte for byte as sent, whatever its values hold.
import { describe, expect, it } from "vitest";
import { rawObjectMember } from "../../../../src/providers/alipay/raw-member";

describe("rawObjectMember", () => {
  it("should return the value's raw text, spacing and escapes untouched", () => {
    const inner = '{ "code" : "10000",\n "msg":"Success" , "x":"a\\/b\\u4e2d" }';
    expect(rawObjectMember(`{"a_response":${inner},"sign":"s"}`, "a_response")).toBe(inner);
  });

  it("should not be misled by braces, brackets, quotes or the key's own name inside strings", () => {
    const inner = String.raw`{"msg":"} { ] [ \" \\","note":"\"a_response\":{}","nested":{"list":[1,{"b":"}"}],"t":true}}`;
    const body = `{"other":"a_response","a_response":${inner},"sign":"s"}`;
    expect(rawObjectMember(body, "a_response")).toBe(inner);
    expect(JSON.parse(rawObjectMember(body, "a_response")!)).toEqual(JSON.parse(inner));
  });

  it("should skip members of every kind before the one asked for", () => {
    const body = '{"n":-1.5e3,"b":false,"z":null,"s":"x","arr":[{"}":"{"}],"o":{"k":{}},"want":{"ok":1}}';
    expect(rawObjectMember(body, "want")).toBe('{"ok":1}');
  });

  it("should find a key Alipay escaped", () => {
    expect(rawObjectMember('{"a\\u005fresponse":{"k":1}}', "a_response")).toBe('{"k":1}');
  });

  it.each([
    ["an absent member", '{"b_response":{}}'],
    ["a member that is not an object", '{"a_response":"{}"}'],
    ["a body that is not an object", '[{"a_response":{}}]'],
    ["a member nested one level down", '{"x":{"a_response":{}}}'],
    ["an unterminated value", '{"a_response":{"k":"v}'],
  ])("should answer undefined for %s", (_title, body) => {
    expect(rawObjectMember(body, "a_response")).toBeUndefined();
  });
});
