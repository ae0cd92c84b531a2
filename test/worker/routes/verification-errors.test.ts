// What a partner reads when POST /v1/verifications is refused: every errors[] entry, word for word,
// in English and in Chinese (Accept-Language), naming the field as the JSON spells it and listing
// the allowed values where the field takes one of a fixed set.
import { describe, expect, it } from "vitest";
import { call, newPartner } from "../helpers";

const METHODS = "mobile3, bankcard4, face, legal_rep_quick, legal_rep_personal, legal_rep_authorization, transfer_forward, transfer_reverse";
const TOP_LEVEL = "type, methods, reference, redirect_url, locale, person, organization, options";

type Case = { what: string; body: unknown; en: [string, string, string][]; zh: string[] };

// Each row: the body, then [path, code, English message] per error, then the Chinese messages in the same order.
const CASES: Case[] = [
  {
    what: "a missing field, a wrong type and a value outside an enum",
    body: { methods: "face", locale: "fr" },
    en: [
      ["type", "required", '"type" is required.'],
      ["methods", "invalid_type", '"methods" must be an array, not a string.'],
      ["locale", "invalid_value", '"locale" must be one of: zh-CN, en.'],
    ],
    zh: ['缺少必填字段 "type"。', '"methods" 应为数组，而不是字符串。', '"locale" 必须是以下值之一：zh-CN, en。'],
  },
  {
    what: "an unknown method, with every method listed",
    body: { type: "person", methods: ["mobile3", "selfie"] },
    en: [["methods.1", "invalid_value", `"methods[1]" must be one of: ${METHODS}.`]],
    zh: [`"methods[1]" 必须是以下值之一：${METHODS}。`],
  },
  {
    what: "a type outside its enum, a method of the wrong JSON type and a null string",
    body: { type: "company", methods: [1], reference: null },
    en: [
      ["type", "invalid_value", '"type" must be one of: person, organization.'],
      ["methods.0", "invalid_value", `"methods[0]" must be one of: ${METHODS}.`],
      ["reference", "invalid_type", '"reference" must be a string, not null.'],
    ],
    zh: ['"type" 必须是以下值之一：person, organization。', `"methods[0]" 必须是以下值之一：${METHODS}。`, '"reference" 应为字符串，而不是空值（null）。'],
  },
  {
    what: "an empty list of methods",
    body: { type: "person", methods: [] },
    en: [["methods", "too_few", '"methods" must have at least one item.']],
    zh: ['"methods" 至少需要 1 项，不能是空数组。'],
  },
  {
    what: "too many methods",
    body: { type: "person", methods: [...METHODS.split(", "), "face"] },
    en: [["methods", "too_many", '"methods" must have at most 8 items.']],
    zh: ['"methods" 最多 8 项。'],
  },
  {
    what: "a repeated method, a method of the other type and a prefill of the other type",
    body: { type: "person", methods: ["face", "face", "transfer_forward"], organization: { name: "北京雪白棉花商贸有限公司" } },
    en: [
      ["methods.1", "duplicate", '"methods[1]" repeats face, which is already listed.'],
      ["methods.2", "method_not_for_type", '"methods[2]" is transfer_forward, which is not a method for "type" person; use one of: mobile3, bankcard4, face.'],
      ["organization", "not_allowed_for_type", '"organization" is not accepted when "type" is person.'],
    ],
    zh: [
      '"methods[1]" 的值 face 在前面已经列出，不能重复。',
      '"methods[2]" 的值 transfer_forward 不适用于 "type" 为 person 的认证；可选值：mobile3, bankcard4, face。',
      '"type" 为 person 时不接受 "organization"。',
    ],
  },
  {
    what: "a string too long, a URL that is not one and a boolean sent as a string",
    body: { type: "person", reference: "x".repeat(129), redirect_url: "not a url", options: { collect_id_images: "yes" } },
    en: [
      ["reference", "too_long", '"reference" must be at most 128 characters long.'],
      ["redirect_url", "invalid_format", '"redirect_url" must be an absolute URL, such as https://partner.example/back.'],
      ["options.collect_id_images", "invalid_type", '"options.collect_id_images" must be a boolean (true or false), not a string.'],
    ],
    zh: ['"reference" 最多 128 个字符。', '"redirect_url" 必须是完整的 URL，例如 https://partner.example/back。', '"options.collect_id_images" 应为布尔值（true 或 false），而不是字符串。'],
  },
  {
    what: "an authorization letter valid longer than three years",
    body: { type: "organization", options: { authorization_validity_years: 4 } },
    en: [["options.authorization_validity_years", "too_large", '"options.authorization_validity_years" must be at most 3.']],
    zh: ['"options.authorization_validity_years" 不能大于 3。'],
  },
  {
    what: "an http redirect, identifiers that break their rules and unknown keys, with the allowed keys listed",
    body: { type: "person", redirect_url: "http://partner.example/back", foo: 1, person: { nickname: "x", id_number: "110105194912310021", phone: "12800138000", name: "张3" } },
    en: [
      ["redirect_url", "insecure_url", '"redirect_url" must use https (http is allowed for localhost only).'],
      ["person.name", "contains_digit", '"person.name" must not contain digits.'],
      ["person.id_number", "invalid_checksum", '"person.id_number" has a check character that does not match: check the last character.'],
      ["person.phone", "invalid_prefix", '"person.phone" must start with 13 to 19.'],
      ["person.nickname", "unknown_field", '"person.nickname" is not a known field; the fields allowed here are: name, id_number, phone.'],
      ["foo", "unknown_field", `"foo" is not a known field; the fields allowed here are: ${TOP_LEVEL}.`],
    ],
    zh: [
      '"redirect_url" 必须使用 https（仅本机地址 localhost 可用 http）。',
      '"person.name" 不能包含数字。',
      '"person.id_number" 的校验位不正确，请核对最后一位。',
      '"person.phone" 应以 13–19 开头。',
      '不认识的字段 "person.nickname"；此处可用的字段：name, id_number, phone。',
      `不认识的字段 "foo"；此处可用的字段：${TOP_LEVEL}。`,
    ],
  },
  {
    what: "identifiers of the wrong length, with the format they must have",
    body: { type: "person", person: { id_number: "1234", phone: "1380013800", name: "张" } },
    en: [
      ["person.name", "too_short", '"person.name" is too short. Expected a name of 2 to 64 characters, in Chinese characters (with · between parts) or Latin letters.'],
      ["person.id_number", "invalid_length", '"person.id_number" has the wrong number of characters. Expected an 18-character resident ID number (17 digits, then a digit or X).'],
      ["person.phone", "invalid_length", '"person.phone" has the wrong number of characters. Expected an 11-digit mainland China mobile number (+86 may precede it).'],
    ],
    zh: [
      '"person.name" 太短。格式应为：2–64 个字符的姓名，使用汉字（各部分之间可用 ·）或拉丁字母。',
      '"person.id_number" 的长度不正确。格式应为：18 位居民身份证号码（17 位数字加 1 位数字或 X）。',
      '"person.phone" 的长度不正确。格式应为：11 位中国大陆手机号（可带 +86）。',
    ],
  },
  {
    what: "an ID number with an unknown province and a date that does not exist, and a number from abroad",
    body: { type: "person", person: { id_number: "99010519491231002X", phone: "+1 415 555 0100" } },
    en: [
      ["person.id_number", "unknown_province", '"person.id_number" does not start with a known province code.'],
      ["person.phone", "unsupported_country_code", '"person.phone" must be a mainland China number (+86).'],
    ],
    zh: ['"person.id_number" 的前两位不是有效的省级行政区划代码。', '"person.phone" 只支持中国大陆号码（+86）。'],
  },
  {
    what: "an organization prefill that is empty, mistyped or too long",
    body: { type: "organization", organization: { name: "  ", credential_code: "91350100M000100Y44", legal_rep_name: "a".repeat(65) } },
    en: [
      ["organization.name", "required", '"organization.name" must not be empty.'],
      ["organization.credential_code", "invalid_checksum", '"organization.credential_code" has a check character that does not match: check the last character.'],
      ["organization.legal_rep_name", "too_long", '"organization.legal_rep_name" is too long. Expected a name of 2 to 64 characters, in Chinese characters (with · between parts) or Latin letters.'],
    ],
    zh: [
      '"organization.name" 不能为空。',
      '"organization.credential_code" 的校验位不正确，请核对最后一位。',
      '"organization.legal_rep_name" 太长。格式应为：2–64 个字符的姓名，使用汉字（各部分之间可用 ·）或拉丁字母。',
    ],
  },
  {
    what: "a body that is not an object",
    body: [],
    en: [["", "invalid_type", "The request body must be a JSON object, not an array."]],
    zh: ["请求体应为 JSON 对象，而不是数组。"],
  },
];

async function post(body: unknown, acceptLanguage?: string) {
  const { testKey } = await newPartner();
  return call("/v1/verifications", { key: testKey, body, headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} });
}

describe("POST /v1/verifications refused, in the partner's language", () => {
  it.each(CASES)("should say in English what is wrong with $what", async ({ body, en }) => {
    const res = await post(body, "en-US,en;q=0.9");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-language")).toBe("en");
    expect(res.json.errors).toEqual(en.map(([path, code, message]) => ({ path, code, message })));
    expect(res.json.title).toBe("The request is not valid");
    expect(res.json.detail).toBe(en.length === 1 ? en[0]![2] : `${en.length} fields of the request body are not valid; see errors.`);
  });

  it.each(CASES)("should say in Chinese what is wrong with $what", async ({ body, en, zh }) => {
    const res = await post(body, "zh-CN,zh;q=0.9,en;q=0.8");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-language")).toBe("zh-CN");
    // Paths and codes never change with the language; only the sentences do.
    expect(res.json.errors).toEqual(en.map(([path, code], i) => ({ path, code, message: zh[i] })));
    expect(res.json.title).toBe("请求参数不合法");
    expect(res.json.detail).toBe(zh.length === 1 ? zh[0] : `请求体中有 ${zh.length} 个字段不合法，详见 errors。`);
  });

  it.each([
    ["no Accept-Language", undefined, "en"],
    ["zh", "zh", "zh-CN"],
    ["zh-Hans-CN", "zh-Hans-CN", "zh-CN"],
    ["zh-TW before English", "zh-TW, en;q=0.5", "zh-CN"],
    ["English first, Chinese second", "en-GB, zh-CN;q=0.8", "en"],
    ["Chinese ranked higher by q", "en;q=0.4, zh-CN;q=0.9", "zh-CN"],
    ["a language we do not speak, then Chinese", "fr-FR, zh;q=0.5", "zh-CN"],
    ["Chinese refused with q=0", "zh;q=0, fr", "en"],
    ["a wildcard", "*", "en"],
  ])("should choose the language for %s", async (_what, header, locale) => {
    const res = await post({ methods: ["selfie"] }, header);
    expect(res.headers.get("content-language")).toBe(locale);
    expect(res.json.errors[0]).toEqual({ path: "type", code: "required", message: locale === "en" ? '"type" is required.' : '缺少必填字段 "type"。' });
  });

  it("should answer invalid JSON and a missing key in the same language", async () => {
    const bad = await post("{not json", "zh-CN");
    expect(bad.json).toMatchObject({ code: "invalid_json", title: "请求体不是合法的 JSON", detail: "请求体无法解析为 JSON。请发送一个 JSON 对象，并带上 Content-Type: application/json。" });
    const anonymous = await call("/v1/verifications", { body: { type: "person" }, headers: { "accept-language": "zh" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ title: "缺少或无效的身份凭证", detail: "请以 `Authorization: Bearer sk_test_…`（或 sk_live_…）发送有效的 API 密钥。已撤销的密钥不再可用。" });
  });

  it("should list the allowed values of a query parameter and name the parameter", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications?status=done&limit=0&foo=1", { key: testKey, headers: { "accept-language": "en" } });
    expect(res.json.detail).toBe("3 query parameters are not valid; see errors.");
    expect(res.json.errors).toEqual([
      { path: "status", code: "invalid_value", message: '"status" must be one of: pending, in_progress, requires_review, verified, failed, canceled, expired.' },
      { path: "limit", code: "too_small", message: '"limit" must be at least 1.' },
      { path: "foo", code: "unknown_field", message: '"foo" is not a known field; the fields allowed here are: status, reference, limit, starting_after.' },
    ]);
  });
});
