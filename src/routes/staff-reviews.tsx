// The review queue in the back office (/staff/reviews): thin handlers over the review queries, the
// decision (src/reviews/decide.ts) and the views. Every claim, decision and look at a licence is a
// staff_audit row. The licence is streamed from R2 with the type its bytes were checked as, never
// cached; it is shown only to signed-in staff.
import { type Context, Hono } from "hono";
import { claimReview, pendingReviewsAcrossPartners, reviewDetailAcrossPartners } from "../db/reviews";
import { CLAIM_MS, claimHolder, mayClaim, rejectReasonsOf, TARGET_MS, WARN_MS } from "../domain/review/decision";
import { decideReview } from "../reviews/decide";
import { decisionInput, decisionOf } from "../reviews/decision-input";
import { licenceReadingView } from "../reviews/licence-reading-view";
import { lastRegistryAnswer } from "../reviews/registry-answer";
import { storedLicenceReading } from "../reviews/stored-licence-reading";
import { requireStaff, type StaffEnv } from "../staff/guard";
import { audit, staffLocale, viewerOf } from "../staff/request";
import { registryFacts } from "../../views/staff/registry-facts";
import { type QueueItem, ReviewPage, ReviewQueuePage, type ReviewView } from "../../views/staff/reviews";

export const staffReviews = new Hono<StaffEnv>();

function clockOf(ageMs: number): QueueItem["clock"] {
  return ageMs > TARGET_MS ? "red" : ageMs > WARN_MS ? "amber" : "ok";
}

staffReviews.get("/staff/reviews", requireStaff(), async (c) => {
  const now = c.var.now;
  const items = (await pendingReviewsAcrossPartners(c.var.db)).map((r) => ({
    id: r.id,
    kind: r.kind,
    organization: [r.orgName, r.orgCredentialCode].filter(Boolean).join(" ") || "—",
    partnerName: r.partnerName,
    ageMinutes: Math.floor((now - r.createdAt) / 60_000),
    clock: clockOf(now - r.createdAt),
    claimedBy: claimHolder(r, now) ? r.claimedByName : null,
  }));
  return c.html(<ReviewQueuePage locale={staffLocale(c)} viewer={viewerOf(c)} items={items} />);
});

async function reviewPage(c: Context<StaffEnv>, id: string, refusal?: string, status: 200 | 404 | 409 | 422 = 200) {
  const found = await reviewDetailAcrossPartners(c.var.db, id);
  if (!found) return c.notFound();
  const { review } = found;
  const now = c.var.now;
  const holderId = claimHolder(review, now);
  const [registry, reading] = await Promise.all([lastRegistryAnswer(c.var.db, review.verificationId), storedLicenceReading(c.var.db, review.verificationId, review.id)]);
  const view: ReviewView = {
    id: review.id,
    kind: review.kind,
    verificationId: review.verificationId,
    status: review.status,
    ageMinutes: Math.floor(((review.decidedAt ?? now) - review.createdAt) / 60_000),
    clock: review.status === "pending" ? clockOf(now - review.createdAt) : "ok",
    typed: [
      ["organization", found.orgName ?? "—"],
      ["credit_code", found.orgCredentialCode ?? "—"],
      ["legal_rep", found.orgLegalRepNameMasked ?? "—"],
      ["legal_rep_id_number", found.orgLegalRepIdNumberMasked ?? "—"],
      ["partner", found.partnerName],
    ],
    registry: registry ? registryFacts(staffLocale(c), registry) : null,
    holder: holderId ? { name: found.claimedByName ?? holderId, mine: holderId === c.var.staff.id, minutesLeft: Math.ceil(((review.claimedUntil ?? now) - now) / 60_000) } : null,
    licence: review.objectKey ? { url: `/staff/reviews/${review.id}/licence`, pdf: review.contentType === "application/pdf" } : null,
    reading: licenceReadingView(reading, { orgName: found.orgName, creditCode: found.orgCredentialCode, legalRepNameMasked: found.orgLegalRepNameMasked }),
    reasons: rejectReasonsOf(review.kind),
    ...(refusal ? { refusal } : {}),
  };
  return c.html(<ReviewPage locale={staffLocale(c)} viewer={viewerOf(c)} view={view} />, status);
}

staffReviews.get("/staff/reviews/:id", requireStaff(), (c) => reviewPage(c, c.req.param("id")));

staffReviews.post("/staff/reviews/:id/claim", requireStaff(), async (c) => {
  const id = c.req.param("id");
  const found = await reviewDetailAcrossPartners(c.var.db, id);
  if (!found) return c.notFound();
  const refused = mayClaim(found.review, c.var.staff.id, c.var.now);
  if (refused || !(await claimReview(c.var.db, id, c.var.staff.id, c.var.now, CLAIM_MS))) return reviewPage(c, id, refused ?? "claimed_by_other", 409);
  await audit(c, { action: "review.claimed", objectType: "review", objectId: id, data: { verification_id: found.review.verificationId, until: c.var.now + CLAIM_MS } });
  return c.redirect(`/staff/reviews/${id}`, 303);
});

staffReviews.post("/staff/reviews/:id/decision", requireStaff(), async (c) => {
  const id = c.req.param("id");
  const parsed = decisionInput.safeParse(Object.fromEntries(await c.req.formData().catch(() => new FormData())));
  const decision = parsed.success ? decisionOf(parsed.data) : null;
  if (!decision) return reviewPage(c, id, "reason_required", 422);
  const staff = c.var.staff;
  const result = await decideReview({ db: c.var.db, env: c.env, now: c.var.now }, id, { kind: "staff", id: staff.id, name: staff.name }, decision);
  if (!result.ok) return result.error === "not_found" ? c.notFound() : reviewPage(c, id, result.error, result.error === "reason_not_of_kind" ? 422 : 409);
  await audit(c, {
    action: decision.decision === "approve" ? "review.approved" : "review.rejected",
    objectType: "review",
    objectId: id,
    data: { verification_id: result.review.verificationId, ...(decision.decision === "reject" ? { reason: decision.reason } : {}) },
  });
  return c.redirect("/staff/reviews", 303);
});

staffReviews.get("/staff/reviews/:id/licence", requireStaff(), async (c) => {
  const found = await reviewDetailAcrossPartners(c.var.db, c.req.param("id"));
  const object = found?.review.objectKey ? await c.env.IMAGES.get(found.review.objectKey) : null;
  if (!found || !object) return c.notFound();
  await audit(c, { action: "licence.viewed", objectType: "review", objectId: found.review.id, data: { verification_id: found.review.verificationId } });
  return new Response(object.body, {
    headers: {
      "Content-Type": found.review.contentType,
      "Cache-Control": "no-store",
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
