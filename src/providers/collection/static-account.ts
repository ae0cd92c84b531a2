// Live collection into one receiving account of ours (configured, not personal): the bank gives no
// virtual sub-accounts, so the remark code is the reference. A bank that gives virtual accounts
// gets its own adapter answering referenceKind "virtual_account".
import type { CollectionProvider } from "./index";

export interface ReceivingAccount {
  accountName: string;
  accountNumber: string;
  bankName: string;
}

export function staticAccountCollection(account: ReceivingAccount): CollectionProvider {
  return {
    async expect({ reference }) {
      return { ...account, referenceKind: "remark", reference };
    },
  };
}
