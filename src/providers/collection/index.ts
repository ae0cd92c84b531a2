// The collection port, for the reverse transfer (反向打款): where an organization pays its ¥0.01,
// and the credits the bank reports. `expect` answers the account to pay into and the reference
// that ties a payment to one verification: a virtual sub-account where the bank gives one,
// otherwise a short remark code for 附言. Credits reach us normalised (IncomingCredit) through
// POST /v1/ingest/credits; a bank-specific adapter translates its notification into that shape
// (docs/collection.md).

export interface Expectation {
  /** This verification's reference (a remark code we drew). */
  reference: string;
  payerName: string;
  amountFen: number;
  expiresAt: number;
}

export interface PayInto {
  accountName: string;
  accountNumber: string;
  bankName: string;
  /** What ties a payment to the verification: the account itself (virtual) or the remark. */
  referenceKind: "virtual_account" | "remark";
  /** The remark code, or the virtual sub-account number to pay into. */
  reference: string;
}

export interface CollectionProvider {
  expect(expectation: Expectation): Promise<PayInto | { outcome: "unavailable"; provider: string; detail: string }>;
}

/**
 * One credit as the bank booked it, modelled on an ISO 20022 camt.054 credit entry (Ntry with
 * CdtDbtInd CRDT): the bank's serial (AcctSvcrRef), the account credited, the amount in fen, the
 * debtor's name and account (RltdPties/Dbtr, DbtrAcct), the remittance information (RmtInf/Ustrd)
 * and when it was booked (BookgDt).
 */
export interface IncomingCredit {
  creditId: string;
  creditedAccount: string;
  amountFen: number;
  payerName: string;
  payerAccount: string;
  remark: string;
  bookedAt: number;
}
