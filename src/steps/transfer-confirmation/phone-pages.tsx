// The stamped letter from the phone: the capture page while the letter part waits for it, and the
// upload, answered with the error next to the field or a redirect to the sent page.
import { localeOf } from "../../flow/applicant";
import type { PhoneChannel } from "../../flow/phone-pages";
import { MAX_LICENCE_BYTES } from "../../domain/images/inspect-licence";
import { LETTER_PURPOSE, letterFromPhone, letterWaitsForPhone } from "../../transfer/letter-phone";
import { DocumentCapturePage, DocumentSentPage } from "../../../views/phone/document-capture";
import { LinkProblemPage } from "../../../views/phone/pages";

// A little over the limit still arrives, so a file just too large is said next to the field; beyond it the body cap answers.
const BODY_BYTES = MAX_LICENCE_BYTES + 1024 * 1024;

export const letterChannel: PhoneChannel = {
  purpose: LETTER_PURPOSE,
  async page(_ctx, s) {
    const { record, row } = s;
    const locale = localeOf(row);
    // Sent, from here or (first) from the desktop: the review is followed on the computer.
    if (record.state === "verified" || row.transfer?.letter.status === "pending") return { kind: "page", node: <DocumentSentPage locale={locale} doc="letter" /> };
    if (record.state !== "opened" && record.state !== "capturing" && record.state !== "waiting") return null;
    if (!letterWaitsForPhone(row)) return null;
    // The organization's name (public, on the letter itself), nothing else of the verification.
    return { kind: "page", node: <DocumentCapturePage locale={locale} doc="letter" org={row.orgName ?? ""} about={{ partner: row.partnerName, person: null }} /> };
  },
  actions: [
    {
      path: "letter",
      body: { fileBytes: BODY_BYTES, answers: "negotiated" },
      withoutSession: (locale) => ({ kind: "page", node: <LinkProblemPage locale={locale} reason="invalid" />, status: 401 }),
      async handle(ctx, s, req) {
        const outcome = await letterFromPhone(ctx, s, req.form ?? new FormData());
        if (outcome.kind === "done") return { kind: "redirect", to: "/p" };
        const node = <DocumentCapturePage locale={localeOf(s.row)} doc="letter" org={s.row.orgName ?? ""} about={{ partner: s.row.partnerName, person: null }} error={outcome.code} />;
        return { kind: "page", node, status: 422 };
      },
    },
  ],
};
