// 反向打款: the seed's one line, and the name of its step.
export const messages = {
  "zh-CN": {
    "method.transfer_reverse.consent_recipients": "收款银行",
    "method.transfer_reverse.title": "对公打款认证（反向打款）",
    "method.transfer_reverse.need": "企业对公账户向我们支付 0.01 元（不退还），并上传加盖公章的授权书。",
    "method.transfer_reverse.progress.transfer_confirmation": "付款与授权书",
  },
  en: {
    "method.transfer_reverse.consent_recipients": "the receiving bank",
    "method.transfer_reverse.title": "Corporate transfer (you pay us)",
    "method.transfer_reverse.need": "The organization's corporate account pays us ¥0.01 (not refunded), and you upload the authorization letter with the company seal.",
    "method.transfer_reverse.progress.transfer_confirmation": "Payment and letter",
  },
} as const;
