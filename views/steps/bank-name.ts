// A bank's name in the page's language, by its CNAPS category code.
import { BANKS } from "../../src/domain/transfer/banks";
import { type Locale, t } from "../messages";

export function bankName(locale: Locale, code: string): string {
  const bank = BANKS.find((b) => b.code === code);
  return bank ? (locale === "en" ? bank.en : bank.zh) : t(locale, "transfer.account.bank_other");
}
