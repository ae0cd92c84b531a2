// Shared by the licence review tests: a reviewer's requests as the back office receives them, the
// rows the assertions read, and an organization the sandbox registry does not know with its
// licence sent for review.
import { env, exports } from "cloudflare:workers";
import { SANDBOX_ORGANIZATIONS, TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, uniquePhone } from "../applicant";
import { BASE, newPartner, newVerification } from "../helpers";
import { staffMember } from "./sign-in";

const worker = (exports as unknown as { default: Fetcher }).default;
export const ORG = { org_name: SANDBOX_ORGANIZATIONS.notFoundName, credential_code: "91330200MA2AAAAA0G", legal_rep_name: TEST_IDENTITIES[1].name, consent: "yes" };
/** A reviewer named `name`. */
export const newReviewer = (name: string) => staffMember("reviewer", name);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(7)]);

export async function staffGet(path: string, jwt: string) {
  const res = await worker.fetch(new Request(`${BASE}${path}`, { headers: { "cf-access-jwt-assertion": jwt, "accept-language": "zh-CN" }, redirect: "manual" }));
  return { status: res.status, headers: res.headers, html: await res.text() };
}

export async function staffPost(path: string, jwt: string, fields: Record<string, string> = {}) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  const res = await worker.fetch(new Request(`${BASE}${path}`, { method: "POST", body, headers: { "cf-access-jwt-assertion": jwt, origin: BASE, "accept-language": "zh-CN" }, redirect: "manual" }));
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

export async function review(verificationId: string) {
  return env.DB.prepare("select * from reviews where verification_id = ? order by created_at desc").bind(verificationId).first<Record<string, string | number | null>>();
}

export async function auditOf(reviewId: string) {
  const rows = await env.DB.prepare("select staff_id, action, data from staff_audit where object_type = 'review' and object_id = ? order by created_at, rowid")
    .bind(reviewId)
    .all<{ staff_id: string; action: string; data: string }>();
  return rows.results.map((r) => ({ ...r, data: JSON.parse(r.data) }));
}

export async function events(id: string) {
  const rows = await env.DB.prepare("select type, actor, data from verification_events where verification_id = ? order by created_at, rowid")
    .bind(id)
    .all<{ type: string; actor: string; data: string }>();
  return rows.results.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

export const licence = (bytes: Uint8Array = PNG, type = "image/png") => new File([bytes], "licence.png", { type });

/** An organization the registry does not know, and its licence sent for review. */
export async function pending() {
  const { testKey } = await newPartner("宁波产权");
  const v = await newVerification(testKey, { type: "organization", methods: ["legal_rep_personal"] });
  const a = new Applicant(v.id);
  await a.signIn(testKey, uniquePhone());
  const notFound = await a.post("/organization/check", ORG);
  const sent = await a.post("/organization/licence", { ...ORG, business_licence: licence() });
  const row = (await review(v.id))!;
  return { testKey, v, a, notFound, sent, reviewId: row.id as string, row };
}
