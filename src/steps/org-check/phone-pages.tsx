// The business licence from the phone: the capture page while the desktop waits for it, and the
// upload, answered with the error next to the field or a redirect to the sent page.
import { currentPreambleStep } from "../../domain/flow/state";
import { localeOf } from "../../flow/applicant";
import type { PhoneChannel } from "../../flow/phone-pages";
import { MAX_LICENCE_BYTES } from "../../domain/images/inspect-licence";
import { DocumentCapturePage, DocumentSentPage } from "../../../views/phone/document-capture";
import { LinkProblemPage } from "../../../views/phone/pages";
import { LICENCE_PURPOSE, licenceFromPhone, sealedInput, waitsForPhone } from "./licence-phone";

// A little over the limit still arrives, so a file just too large is said next to the field; beyond it the body cap answers.
const BODY_BYTES = MAX_LICENCE_BYTES + 1024 * 1024;

export const licenceChannel: PhoneChannel = {
  purpose: LICENCE_PURPOSE,
  async page(ctx, s) {
    const { record, row } = s;
    const locale = localeOf(row);
    // Sent, from here or (first) from the desktop: the rest is followed on the computer.
    if (record.state === "verified" || currentPreambleStep(row.state)?.data?.review_id) return { kind: "page", node: <DocumentSentPage locale={locale} doc="licence" /> };
    if (record.state !== "opened" && record.state !== "capturing" && record.state !== "waiting") return null;
    const input = waitsForPhone(row) ? await sealedInput(ctx, row) : null;
    // The desktop sent the licence itself, or went back to the form: nothing left to take here.
    if (!input) return null;
    // What it is for: the organization's name as typed (a name on a licence is public), nothing else of the form.
    return { kind: "page", node: <DocumentCapturePage locale={locale} doc="licence" org={input.org_name} about={{ partner: row.partnerName, person: null }} /> };
  },
  actions: [
    {
      path: "licence",
      body: { fileBytes: BODY_BYTES, answers: "negotiated" },
      withoutSession: (locale) => ({ kind: "page", node: <LinkProblemPage locale={locale} reason="invalid" />, status: 401 }),
      async handle(ctx, s, req) {
        const outcome = await licenceFromPhone(ctx, s, req.form ?? new FormData());
        if (outcome.kind === "done") return { kind: "redirect", to: "/p" };
        const input = await sealedInput(ctx, s.row);
        const node = <DocumentCapturePage locale={localeOf(s.row)} doc="licence" org={input?.org_name ?? ""} about={{ partner: s.row.partnerName, person: null }} error={outcome.code} />;
        return { kind: "page", node, status: 422 };
      },
    },
  ],
};
