// Both sides of the ID card from the phone: the capture page, and the upload that answers JSON to
// the page's script or a redirect to a plain form.
import { localeOf } from "../../flow/applicant";
import { phoneAbout, triesLeft } from "../../flow/handoff";
import type { PhoneChannel } from "../../flow/phone-pages";
import { MAX_IMAGE_BYTES } from "../../domain/images/inspect";
import { errorText } from "../../../views/components/form-errors";
import { t } from "../../../views/messages";
import { IdCapturePage } from "../../../views/phone/id-capture";
import { LinkProblemPage } from "../../../views/phone/pages";
import { submitPhonePhotos } from "./phone";

export const idCaptureChannel: PhoneChannel = {
  purpose: "id_capture",
  async page(ctx, s) {
    const { record, row } = s;
    if (record.state !== "opened" && record.state !== "capturing" && record.state !== "waiting") return null;
    return { kind: "page", node: <IdCapturePage locale={localeOf(row)} lastFailure={record.lastFailure} attemptsLeft={triesLeft(row)} about={await phoneAbout(ctx, s)} /> };
  },
  actions: [
    {
      path: "id-photos",
      body: { fileBytes: 2 * MAX_IMAGE_BYTES, answers: "negotiated" },
      withoutSession: (locale, wantsJson) =>
        wantsJson
          ? { kind: "json", body: { errors: { session: t(locale, "phone.link.invalid") } }, status: 401 }
          : { kind: "page", node: <LinkProblemPage locale={locale} reason="invalid" />, status: 401 },
      async handle(ctx, s, req) {
        const locale = localeOf(s.row);
        const outcome = await submitPhonePhotos(ctx, s, req.form ?? new FormData());
        if (outcome.kind === "invalid") {
          const messages = Object.fromEntries(Object.entries(outcome.errors).map(([f, code]) => [f, errorText(locale, f, code!)]));
          return req.wantsJson ? { kind: "json", body: { errors: messages }, status: 422 } : { kind: "page", node: <IdCapturePage locale={locale} errors={outcome.errors} />, status: 422 };
        }
        return req.wantsJson ? { kind: "json", body: { ok: true, state: outcome.state } } : { kind: "redirect", to: "/p" };
      },
    },
  ],
};
