// Mobile 3-element (手机号认证): its own texts, merged into each language's table when it registers.
export const messages = {
  "zh-CN": {
    "method.mobile3.title": "手机号认证",
    "method.mobile3.need": "需输入姓名、身份证号、手机号（必须为本人身份证办理的）三要素信息。",
    "method.mobile3.consent_recipients": "手机运营商",
    "method.mobile3.phone_hint": "必须是用本人身份证办理的手机号",
    "reason.phone_not_registered_to_id": "该手机号不是用此身份证办理的。请换用本人实名办理的手机号，或选择其他认证方式。",
  },
  en: {
    "method.mobile3.title": "Mobile number",
    "method.mobile3.need": "Your name, ID number and a mobile number registered to your ID.",
    "method.mobile3.consent_recipients": "the mobile carrier",
    "method.mobile3.phone_hint": "Must be a number registered with your own ID",
    "reason.phone_not_registered_to_id": "This mobile number is not registered to this ID. Use a number registered with your own ID, or choose another method.",
  },
} as const;
