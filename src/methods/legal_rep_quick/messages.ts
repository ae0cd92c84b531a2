// 法人快捷认证: the legal representative scans a QR code and does the face check on the phone.
export const messages = {
  "zh-CN": {
    "method.legal_rep_quick.title": "法人快捷认证",
    "method.legal_rep_quick.need": "法定代表人用手机扫码，在手机上刷脸即可完成企业认证。",
    "method.legal_rep_quick.progress.awaiting_child": "法定代表人刷脸",
  },
  en: {
    "method.legal_rep_quick.title": "Legal representative quick check",
    "method.legal_rep_quick.need": "The legal representative scans a QR code and does a face check on the phone.",
    "method.legal_rep_quick.progress.awaiting_child": "The legal representative's face check",
  },
} as const;
