// Which partner, in which mode, a partner-facing query answers for. Its own module because every
// partner-scoped query file takes it: kept in verifications.ts it made db/webhook-events.ts and
// db/verifications.ts import each other. It holds the type only, never a query.
export interface PartnerScope {
  partnerId: string;
  livemode: boolean;
}
