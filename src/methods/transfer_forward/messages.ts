// 正向打款: the seed's one line, and the names of its steps.
export const messages = {
  "zh-CN": {
    "method.transfer_forward.consent_recipients": "我们委托的支付机构（支付宝）与收款银行",
    "method.transfer_forward.title": "对公打款认证（正向打款）",
    "method.transfer_forward.need": "我们向企业对公账户打一笔 1 元以下的随机金额，您回填收到的金额，并上传加盖公章的授权书。",
    "method.transfer_forward.progress.corporate_account": "填写对公账户",
    "method.transfer_forward.progress.transfer_confirmation": "打款信息确认",
  },
  en: {
    "method.transfer_forward.consent_recipients": "the payment institution we use (Alipay) and the receiving bank",
    "method.transfer_forward.title": "Corporate transfer (we pay you)",
    "method.transfer_forward.need": "We pay a random amount under ¥1 into the organization's corporate account; you type back the amount and upload the authorization letter with the company seal.",
    "method.transfer_forward.progress.corporate_account": "Corporate account",
    "method.transfer_forward.progress.transfer_confirmation": "Confirm the transfer",
  },
} as const;
