// The partner's redirect_url with the outcome appended, as the applicant is sent back.
export function returnUrl(redirectUrl: string | null, v: { id: string; status: string }, extra: Record<string, string> = {}): string | undefined {
  if (!redirectUrl) return undefined;
  const url = new URL(redirectUrl);
  url.searchParams.set("verification_id", v.id);
  url.searchParams.set("status", v.status);
  for (const [k, val] of Object.entries(extra)) url.searchParams.set(k, val);
  return url.toString();
}
