// The bank port: the 4-element check of name, ID number, bank card and the phone the bank holds
// for that card. It moves no money and must never store the card number; callers mask it.
import type { ProviderAnswer } from "../answer";

export type BankQuery = { name: string; idNumber: string; cardNumber: string; phone: string };

export type BankReason = "card_phone_mismatch" | "name_id_mismatch" | "card_not_supported";

export type BankAnswer = ProviderAnswer<BankReason>;

export interface BankProvider {
  check(query: BankQuery): Promise<BankAnswer>;
}
