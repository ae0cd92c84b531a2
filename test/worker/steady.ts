// What a GET must leave alone, and the check that a reload and a second tab land where the first
// tab stands: shared by the flow engine's tests and the hosted journeys'.
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { Applicant } from "./applicant";

/** The row's version and state, and how many events it has. */
export async function footprint(id: string) {
  const row = await env.DB.prepare("select version, state from verifications where id = ?").bind(id).first<{ version: number; state: string }>();
  const events = await env.DB.prepare("select count(*) as n from verification_events where verification_id = ?").bind(id).first<{ n: number }>();
  return { ...row, events: events?.n };
}

/** The same browser (its cookies) on another verification's page: a child in its parent's session, or a second tab. */
export function sameBrowser(a: Applicant, verificationId: string): Applicant {
  const other = new Applicant(verificationId, a.ip);
  other.cookies = new Map(a.cookies);
  return other;
}

/** A reload and a second tab both show `step`, and write nothing. */
export async function steady(a: Applicant, id: string, step: string) {
  const before = await footprint(id);
  expect((await a.open()).step).toBe(step);
  expect((await sameBrowser(a, id).open()).step).toBe(step);
  expect(await footprint(id)).toEqual(before);
}
