// The authorization letter (授权书) a legal representative signs so that an operator may complete
// the organization's verification with a partner: its facts in, its text out, as structured
// parts a page and the PDF both lay out. Pure. It masks the ID numbers, the operator's name and
// phone itself, so no caller can print a whole identifier on a document the partner keeps; the
// legal representative's name stays whole, since it is the signer's. It refuses rather than
// prints a letter whose facts are missing, carry line breaks or control characters (a name must
// never be able to forge a line of the letter), or whose validity is out of range.
import { maskIdNumber, maskName, maskPhone } from "../masking";
import { beijingCalendarDay, chineseDate, DEFAULT_VALIDITY_YEARS, isValidValidity, validityEnd } from "./validity";

/** Bump with any change of wording or layout: the evidence records it beside the letter's hash. */
export const LETTER_TEMPLATE_VERSION = "authorization-letter/zh-CN/2026-11-1";

/** The stamped letter of a corporate transfer: printed, signed, sealed and scanned, not signed by SMS. */
export const STAMPED_LETTER_TEMPLATE_VERSION = "authorization-letter/stamped/zh-CN/2026-12-1";

/** The scope the issue fixes: what signing lets the operator do. */
export const LETTER_SCOPE = "完成在该平台的企业实名认证及相关业务办理";

/** Whom the letter authorizes: the operator as a known person, or else the phone they signed in with (whole or already masked: it is printed masked). */
export type LetterOperator = { kind: "person"; name: string; idNumber: string } | { kind: "phone"; phone: string };

export interface LetterFacts {
  organization: { name: string; uscc: string };
  legalRepresentative: { name: string; idNumber: string };
  operator: LetterOperator;
  partnerName: string;
  /** Whole years; DEFAULT_VALIDITY_YEARS when absent. */
  validityYears?: number;
  /** When the letter is dated (shown, then signed), in ms; printed as its Beijing day. */
  at: number;
  /** How it is signed: by the legal representative's SMS code (the default), or by hand and the company seal. */
  signing?: "sms" | "stamp";
}

/** One labelled line: 授权单位：某某有限公司. */
export interface LetterLine {
  label: string;
  value: string;
}

export interface Letter {
  templateVersion: string;
  title: string;
  parties: LetterLine[];
  body: string[];
  signature: LetterLine[];
}

export type LetterField = "organization.name" | "organization.uscc" | "legalRepresentative.name" | "legalRepresentative.idNumber" | "operator" | "partnerName";

export type LetterResult = { ok: true; letter: Letter } | { ok: false; code: "letter_invalid_validity"; years: number } | { ok: false; code: "letter_invalid_fact"; field: LetterField };

// Control characters and the Unicode line and paragraph separators: any of them would let a
// value break out of its line in the letter and in its canonical bytes.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

function clean(value: string): string | null {
  const text = value.normalize("NFC").trim();
  return text === "" || UNPRINTABLE.test(text) ? null : text;
}

export function buildLetter(facts: LetterFacts): LetterResult {
  const years = facts.validityYears ?? DEFAULT_VALIDITY_YEARS;
  if (!isValidValidity(years)) return { ok: false, code: "letter_invalid_validity", years };

  // Every value is cleaned before any is used; the first bad one names the field refused.
  const bad: LetterField[] = [];
  const take = (field: LetterField, value: string): string => {
    const text = clean(value);
    if (text === null) bad.push(field);
    return text ?? "";
  };
  const org = take("organization.name", facts.organization.name);
  const uscc = take("organization.uscc", facts.organization.uscc);
  const rep = take("legalRepresentative.name", facts.legalRepresentative.name);
  // A stamped letter is proved by the seal: without the ID number (a 3-element check), its line is left out.
  const repIdOptional = facts.signing === "stamp" && facts.legalRepresentative.idNumber.trim() === "";
  const repId = repIdOptional ? "" : take("legalRepresentative.idNumber", facts.legalRepresentative.idNumber);
  const partner = take("partnerName", facts.partnerName);
  const op = facts.operator;
  const operatorLines: LetterLine[] =
    op.kind === "person"
      ? [
          { label: "被授权人（经办人）", value: maskName(take("operator", op.name)) },
          { label: "被授权人身份证号", value: maskIdNumber(take("operator", op.idNumber)) },
        ]
      : [{ label: "被授权人（经办人）", value: `以手机号 ${maskPhone(take("operator", op.phone))} 登录的用户` }];
  if (bad[0] !== undefined) return { ok: false, code: "letter_invalid_fact", field: bad[0] };

  const start = beijingCalendarDay(facts.at);
  const end = validityEnd(start, years);
  const stamped = facts.signing === "stamp";
  return {
    ok: true,
    letter: {
      templateVersion: stamped ? STAMPED_LETTER_TEMPLATE_VERSION : LETTER_TEMPLATE_VERSION,
      title: "企业实名认证授权书",
      parties: [
        { label: "授权单位", value: org },
        { label: "统一社会信用代码", value: uscc },
        { label: "法定代表人（负责人）", value: rep },
        ...(repIdOptional ? [] : [{ label: "法定代表人身份证号", value: maskIdNumber(repId) }]),
        ...operatorLines,
        { label: "授权平台", value: partner },
      ],
      body: [
        `本单位法定代表人（负责人）${rep}，现授权上述被授权人代表${org}（统一社会信用代码：${uscc}），在${partner}平台${LETTER_SCOPE}。`,
        "被授权人在上述授权范围内办理的事项及签署的相关文件，本单位均予以认可，并承担相应的法律责任。被授权人无转委托权。",
        `授权有效期：${years}年，自${chineseDate(start)}起至${chineseDate(end)}止。`,
        stamped ? "本授权书经法定代表人（负责人）签字并加盖本单位公章后生效。" : "本授权书由法定代表人（负责人）本人完成身份核验后，以短信验证码方式签署。",
      ],
      signature: stamped
        ? [
            { label: "授权单位（公章）", value: org },
            { label: "法定代表人（负责人）签字", value: "" },
            { label: "日期", value: chineseDate(start) },
          ]
        : [
            { label: "授权单位", value: org },
            { label: "法定代表人（负责人）", value: rep },
            { label: "签署日期", value: chineseDate(start) },
          ],
    },
  };
}
