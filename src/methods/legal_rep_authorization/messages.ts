// 法人授权认证: the operator invites the legal representative, who verifies and signs on the phone.
export const messages = {
  "zh-CN": {
    "method.legal_rep_authorization.title": "法人授权认证",
    "method.legal_rep_authorization.need": "经办人通过二维码或短信邀请法定代表人，法定代表人在手机上完成本人核验并签署授权书。",
    "method.legal_rep_authorization.progress.invitation": "邀请法定代表人",
    "method.legal_rep_authorization.progress.signature": "法定代表人签署",
  },
  en: {
    "method.legal_rep_authorization.title": "Legal representative's authorization",
    "method.legal_rep_authorization.need": "You invite the legal representative by QR code or SMS; on their phone they verify who they are and sign an authorization letter.",
    "method.legal_rep_authorization.progress.invitation": "Invite the legal representative",
    "method.legal_rep_authorization.progress.signature": "The legal representative signs",
  },
} as const;
