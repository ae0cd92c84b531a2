export const DEMO_PARTNER_ID: string;
export function demoPartnerSql(key: string, now?: number): string;
