export const DEMO_PARTNER_ID: string;
export function demoPartnerSql(key: string, now?: number): string;
export const DEMO_STAFF: { id: string; email: string; name: string };
export function demoStaffSql(now?: number): string;
export function devSignInUrl(base: string, devKeyJson: string, email?: string): Promise<string>;
