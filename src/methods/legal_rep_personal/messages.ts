// 法定代表人认证: the legal representative, being the operator, verifies as a person.
export const messages = {
  "zh-CN": {
    "method.legal_rep_personal.title": "法定代表人认证",
    "method.legal_rep_personal.need": "法定代表人本人完成个人实名认证（刷脸或手机号认证），姓名须与组织信息核验一致。",
    "method.legal_rep_personal.progress.awaiting_child": "法定代表人个人认证",
  },
  en: {
    "method.legal_rep_personal.title": "Legal representative verification",
    "method.legal_rep_personal.need": "The legal representative verifies as a person (face or mobile check), under the name the organization check found.",
    "method.legal_rep_personal.progress.awaiting_child": "The legal representative's own verification",
  },
} as const;
