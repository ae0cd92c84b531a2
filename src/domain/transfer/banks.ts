// The banks an operator picks from for a corporate account, by the first three digits of a CNAPS
// branch code (行别代码), which name the bank. Picking the bank first lets the page say where its
// branch code is printed, and lets a branch code of another bank be refused before any payout.
// City and rural commercial banks share their category codes (313, 314, 402): "other" takes any.

export interface Bank {
  /** The CNAPS category code: the first three digits of every branch code of this bank. */
  code: string;
  zh: string;
  en: string;
}

export const BANKS: readonly Bank[] = [
  { code: "102", zh: "中国工商银行", en: "Industrial and Commercial Bank of China" },
  { code: "103", zh: "中国农业银行", en: "Agricultural Bank of China" },
  { code: "104", zh: "中国银行", en: "Bank of China" },
  { code: "105", zh: "中国建设银行", en: "China Construction Bank" },
  { code: "301", zh: "交通银行", en: "Bank of Communications" },
  { code: "302", zh: "中信银行", en: "China CITIC Bank" },
  { code: "303", zh: "中国光大银行", en: "China Everbright Bank" },
  { code: "304", zh: "华夏银行", en: "Hua Xia Bank" },
  { code: "305", zh: "中国民生银行", en: "China Minsheng Bank" },
  { code: "306", zh: "广发银行", en: "China Guangfa Bank" },
  { code: "307", zh: "平安银行", en: "Ping An Bank" },
  { code: "308", zh: "招商银行", en: "China Merchants Bank" },
  { code: "309", zh: "兴业银行", en: "Industrial Bank" },
  { code: "310", zh: "上海浦东发展银行", en: "Shanghai Pudong Development Bank" },
  { code: "403", zh: "中国邮政储蓄银行", en: "Postal Savings Bank of China" },
];

/** Any bank not listed (city and rural commercial banks, credit cooperatives, foreign banks). */
export const OTHER_BANK = "other";

export type BankChoice = string;

export function isBankChoice(value: string): boolean {
  return value === OTHER_BANK || BANKS.some((b) => b.code === value);
}

/** Whether a (valid, 12-digit) branch code can be a branch of the bank picked. */
export function branchCodeFitsBank(branchCode: string, bank: BankChoice): boolean {
  if (bank === OTHER_BANK) return !BANKS.some((b) => branchCode.startsWith(b.code));
  return branchCode.startsWith(bank);
}

/** The listed bank a branch code belongs to, if any: to say which bank the code the operator typed is of. */
export function bankOfBranchCode(branchCode: string): Bank | undefined {
  return BANKS.find((b) => branchCode.startsWith(b.code));
}
