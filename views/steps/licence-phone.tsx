// 用手机拍摄营业执照 on the desktop: the typed fields are kept, the QR code and link for the phone
// are shown as for ID photos, and the page moves on by itself (the handoff's live status) to the
// review's waiting page once the phone has sent the licence. The desktop upload stays one link away.
import { t } from "../messages";
import { PhoneHandoff } from "./continue-on-phone";
import type { StepView } from "./model";

type Props = Extract<StepView, { kind: "licence_phone" }>;

export function LicencePhoneStep(p: Props) {
  const { locale } = p;
  return (
    <>
      <h1 id="step-title">{t(locale, "licence_phone.heading")}</h1>
      <p>{t(locale, "licence_phone.body")}</p>
      <PhoneHandoff locale={locale} verificationId={p.verificationId} handoff={p.handoff} />
      <p>
        <a href={`/v/${p.verificationId}?edit=1`}>{t(locale, "licence_phone.upload_here")}</a>
      </p>
    </>
  );
}
