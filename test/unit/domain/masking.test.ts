import { describe, expect, it } from "vitest";
import { maskBankCard, maskIdNumber, maskIp, maskName, maskPhone } from "../../../src/domain/masking";

describe("maskIdNumber", () => {
  it.each([
    ["an 18-character ID number", "110105194912310070", "1101************70"],
    ["an ID number ending in X", "11010519491231002X", "1101************2X"],
    ["a 15-digit first-generation number", "110105491231002", "1101*********02"],
    ["7 characters, the shortest with a hidden middle", "1234567", "1234*67"],
    ["6 characters, masked entirely", "123456", "******"],
    ["an empty string", "", ""],
  ])("should mask %s", (_, input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
    expect(maskIdNumber(input)).toHaveLength(input.length);
  });
});

describe("maskPhone", () => {
  it.each([
    ["a mobile number", "13812345678", "138****5678"],
    ["another mobile number", "19900001111", "199****1111"],
    ["7 characters, masked entirely", "1234567", "*******"],
    ["an empty string", "", ""],
  ])("should mask %s", (_, input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe("maskBankCard", () => {
  it.each([
    ["a 19-digit card", "6222021234567890128", "6222***********0128"],
    ["a 16-digit card", "4111111111111111", "4111********1111"],
    ["a 12-digit card", "622202123452", "6222****3452"],
    ["8 characters, masked entirely", "12345678", "********"],
    ["an empty string", "", ""],
  ])("should mask %s", (_, input, expected) => {
    expect(maskBankCard(input)).toBe(expected);
  });
});

describe("maskName", () => {
  it.each([
    ["a two-character Chinese name", "张三", "*三"],
    ["a three-character Chinese name", "张三丰", "**丰"],
    ["a four-character Chinese name", "欧阳娜娜", "***娜"],
    ["a name with a middle dot, dot included", "阿依古丽·买买提", "*******提"],
    ["a character outside the BMP as one character", "𠀀三", "*三"],
    ["a single-word Latin name", "Smith", "****h"],
    ["a Latin name with a space", "John Smith", "**** ****h"],
    ["a Latin name with a hyphen and an apostrophe", "Mary-Jane O'Brien", "****-**** *'****n"],
    ["a Latin name ending in a period", "King Jr.", "**** **."],
    ["a single character, masked entirely", "张", "*"],
    ["an empty string", "", ""],
  ])("should mask %s", (_, input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe("maskIp", () => {
  it.each([
    ["203.0.113.9", "203.0.113.0/24"],
    [" 10.1.2.250 ", "10.1.2.0/24"],
    ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::/48"],
    ["2001:DB8::1", "2001:db8:0::/48"],
    ["::1", "0:0:0::/48"],
    ["fe80:0000:0000::1", "fe80:0:0::/48"],
  ])("should keep only the network of %s", (ip, masked) => {
    expect(maskIp(ip)).toBe(masked);
  });

  it.each(["unknown", "", "256.1.1.1", "1.2.3", "1::2::3", "2001:db8:12345::1", "<script>", "203.0.113.9, 10.0.0.1"])("should answer unknown for %j, never echo it", (ip) => {
    expect(maskIp(ip)).toBe("unknown");
  });
});
