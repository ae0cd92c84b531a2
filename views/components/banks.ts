// Banks shown under the bank card form, as the Beijing guide lists them (text, not logos).
export const SUGGESTED_BANKS = {
  "zh-CN": ["中国银行", "中国建设银行", "招商银行", "中国工商银行", "兴业银行", "交通银行", "中国光大银行", "中国农业银行", "浦发银行"],
  en: [
    "Bank of China",
    "China Construction Bank",
    "China Merchants Bank",
    "Industrial and Commercial Bank of China",
    "Industrial Bank",
    "Bank of Communications",
    "China Everbright Bank",
    "Agricultural Bank of China",
    "Shanghai Pudong Development Bank",
  ],
} as const;
