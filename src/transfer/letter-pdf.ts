// The corporate transfer's letter to print (授权书): the same letter as the legal representative's
// authorization, made from the same facts, but to be signed by hand and sealed. Dated the day it
// is downloaded; its PDF is made on request and never stored (the scan sent back is what counts).
import { letterOf, operatorPhoneOf } from "../authorization/letter-facts";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";

export type StampedLetter = { ok: true; pdf: Uint8Array } | { ok: false };

export async function stampedLetterPdf(ctx: FlowContext, row: ApplicantRow): Promise<StampedLetter> {
  const built = await letterOf(ctx, row, ctx.now, await operatorPhoneOf(ctx, row), "stamp");
  if (!built.ok) return { ok: false };
  const { makeLetterPdf } = await import("../authorization-letter/make");
  const made = await makeLetterPdf(ctx.env.ASSETS, built.letter, ctx.now);
  return made.ok ? { ok: true, pdf: made.pdf } : { ok: false };
}
