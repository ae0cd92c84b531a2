// The face step on the phone's own browser: the face-processing consent, then the camera with
// the prompted actions, and the clip posted by the page's script (which reads JSON).
import { localeOf } from "../../flow/applicant";
import { phoneAbout, triesLeft } from "../../flow/handoff";
import type { PhoneAnswer, PhoneChannel } from "../../flow/phone-pages";
import { errorText } from "../../../views/components/form-errors";
import { t } from "../../../views/messages";
import { CapturePage, ConsentPage } from "../../../views/phone/pages";
import { giveFaceConsent, MAX_CLIP_BYTES, submitClip } from "./face";
import { formStillOnPhone, phoneFormAction, phoneFormPage } from "./phone-form";

const json = (body: unknown, status: 200 | 401 | 422 = 200): PhoneAnswer => ({ kind: "json", body, status });

export const faceChannel: PhoneChannel = {
  purpose: "face",
  async page(ctx, s) {
    const { record, row } = s;
    const locale = localeOf(row);
    const form = await formStillOnPhone(ctx, s);
    if (form) return phoneFormPage(ctx, s, form);
    if (record.state === "waiting" || record.state === "opened") return { kind: "page", node: <ConsentPage locale={locale} about={await phoneAbout(ctx, s)} /> };
    if (record.state !== "capturing") return null;
    const node = <CapturePage locale={locale} prompts={record.prompts ?? []} lastFailure={record.lastFailure} attemptsLeft={triesLeft(row)} about={await phoneAbout(ctx, s)} />;
    return { kind: "page", node };
  },
  actions: [
    phoneFormAction("face"),
    {
      path: "consent",
      async handle(ctx, s) {
        if (s.record.state === "opened") await giveFaceConsent(ctx, s);
        return { kind: "redirect", to: "/p" };
      },
    },
    {
      path: "clip",
      body: { fileBytes: MAX_CLIP_BYTES, answers: "json" },
      withoutSession: (locale) => json({ error: "session", message: t(locale, "phone.link.invalid") }, 401),
      async handle(ctx, s, req) {
        const locale = localeOf(s.row);
        const clip = req.form?.get("clip");
        if (!(clip instanceof File)) return json({ error: "clip_empty", message: errorText(locale, "clip", "clip_empty") }, 422);
        const outcome = await submitClip(ctx, s, clip);
        if (outcome.kind === "invalid") return json({ error: outcome.error, message: errorText(locale, "clip", outcome.error) }, 422);
        return json({ ok: true, state: outcome.record?.state ?? null });
      },
    },
  ],
};
