// The operator's page of 法人授权认证: the two ways to reach the legal representative (the QR code
// with its link to copy, or an SMS), then where the legal representative stands, followed live
// (the invitation's WebSocket; htmx polling where there is none) without a reload until it ends.
import { raw } from "hono/html";
import { Field } from "../components/field";
import { errorText } from "../components/form-errors";
import { QrCode } from "../components/qr-code";
import { ResendButton } from "../components/resend-button";
import { StepForm } from "../components/step-form";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";
import { type Locale, t } from "../messages";
import type { AuthorizationStatusName, StepView } from "./model";

type Props = Extract<StepView, { kind: "invitation" }>;

/** The legal representative's way through, in order: the list shows each as done, current or to come. */
const PROGRESS: readonly AuthorizationStatusName[] = ["opened", "verifying", "signing", "signed"];
const STATUSES: readonly AuthorizationStatusName[] = ["not_sent", "sent", "opened", "verifying", "signing", "signed", "declined", "expired"];

export const INVITATION_STATUS_ID = "invitation-status";

const waiting = (s: string) => s === "not_sent" || s === "sent";

/** Whether a new status changes what the page offers (the link opened: no QR code; the end), so it is read again; the live script keeps the same rule. */
export function pageChanges(shown: string, now: string): boolean {
  return shown !== now && (waiting(shown) !== waiting(now) || now === "signed" || now === "declined" || now === "expired");
}

export function InvitationStatus({ locale, verificationId, status, polling }: { locale: Locale; verificationId: string; status: AuthorizationStatusName; polling?: boolean }) {
  const poll = `/v/${verificationId}/invitation/status?shown=${status}`;
  const reached = PROGRESS.indexOf(status);
  return (
    <div
      id={INVITATION_STATUS_ID}
      class="notice"
      data-status={status}
      data-ws={`/v/${verificationId}/invitation/live`}
      data-poll={poll}
      data-reload={`/v/${verificationId}`}
      data-msgs={JSON.stringify(Object.fromEntries(STATUSES.map((s) => [s, t(locale, `invitation.status.${s}`)])))}
      {...(polling ? { "hx-get": poll, "hx-trigger": "every 3s", "hx-swap": "outerHTML" } : {})}
    >
      <p role="status" aria-live="polite">
        <strong data-text>{t(locale, `invitation.status.${status}`)}</strong>
      </p>
      <ol class="steps" aria-label={t(locale, "invitation.status.heading")}>
        {PROGRESS.map((s, i) => (
          <li data-progress={s} class={i < reached ? "done" : i === reached ? "current" : undefined} aria-current={i === reached ? "step" : undefined}>
            {t(locale, `invitation.status.${s}`)}
          </li>
        ))}
      </ol>
    </div>
  );
}

function WayQr({ locale, link }: { locale: Locale; link: string }) {
  return (
    <section aria-labelledby="way-qr" data-way="qr">
      <h2 id="way-qr">{t(locale, "invitation.way_qr")}</h2>
      <p>{t(locale, "invitation.way_qr.body")}</p>
      <p class="qr">
        <QrCode text={link} label={t(locale, "invitation.qr_alt")} pixels={200} />
      </p>
      <p class="row">
        <code class="link" id="invitation-link" data-link>
          {link}
        </code>
        <button type="button" class="secondary" data-copy="invitation-link" data-copied={t(locale, "invitation.copied")} hidden>
          {t(locale, "invitation.copy")}
        </button>
      </p>
    </section>
  );
}

function WaySms(p: Props) {
  const { locale } = p;
  const code = p.errors.legal_rep_phone;
  const label = t(locale, p.sentTo ? "invitation.resend_sms" : "invitation.send_sms");
  return (
    <section aria-labelledby="way-sms" data-way="sms">
      <h2 id="way-sms">{t(locale, "invitation.way_sms")}</h2>
      <p>{t(locale, "invitation.way_sms.body")}</p>
      {p.sentTo && !code && (
        <p class="notice" role="status" data-sent-to>
          {t(locale, "invitation.sms_sent", { phone: p.sentTo })}
        </p>
      )}
      <StepForm action={`/v/${p.verificationId}/invitation/sms`}>
        <Field
          name="legal_rep_phone"
          label={t(locale, "field.legal_rep_phone")}
          type="tel"
          inputmode="numeric"
          autocomplete="off"
          maxlength={14}
          value={p.phone}
          error={code ? errorText(locale, "legal_rep_phone", code, { seconds: String(p.errorSeconds ?? p.smsWaitSeconds) }) : undefined}
          autofocus={!!code}
        />
        <ResendButton locale={locale} seconds={p.smsWaitSeconds} name="action" value="send" label={label} wait="invitation.resend_in" primary />
      </StepForm>
    </section>
  );
}

function Declined(p: Props) {
  const { locale, declined } = p;
  if (!declined) return null;
  return (
    <div class="alert" role="alert" data-declined={declined.why}>
      <p>
        {declined.why === "id_mismatch"
          ? t(locale, "invitation.declined.id_mismatch")
          : declined.why === "not_verified"
            ? t(locale, "reason.legal_rep_not_verified")
            : t(locale, "invitation.declined.body")}
      </p>
      {declined.reason && <p data-decline-reason>{t(locale, "invitation.declined.reason", { reason: declined.reason })}</p>}
      <p>{t(locale, "invitation.declined.next")}</p>
    </div>
  );
}

export function InvitationStep(p: Props) {
  const { locale } = p;
  const ended = p.status === "declined" || p.status === "expired";
  const waiting = p.status === "not_sent" || p.status === "sent";
  return (
    <>
      <h1 id="step-title">{t(locale, "invitation.heading")}</h1>
      <p>{t(locale, "invitation.intro", { legalRep: p.organization.legalRepName, org: p.organization.name })}</p>
      {!ended && <InvitationStatus locale={locale} verificationId={p.verificationId} status={p.status} />}
      <Declined {...p} />
      {waiting && p.link && <WayQr locale={locale} link={p.link} />}
      {waiting && <WaySms {...p} />}
      {!waiting && !ended && <p class="hint">{t(locale, "invitation.opened_link")}</p>}
      {!ended && (
        <p class="hint" data-expires>
          {t(locale, "invitation.expires", { time: p.expiresAt })}
        </p>
      )}
      {waiting && (
        <StepForm action={`/v/${p.verificationId}/invitation/replace`}>
          <p class="hint">{t(locale, "invitation.replace.hint")}</p>
          <button type="submit" class="secondary" data-replace>
            {t(locale, "invitation.replace")}
          </button>
        </StepForm>
      )}
      {ended && (
        <StepForm action={`/v/${p.verificationId}/invitation/restart`}>
          <button type="submit" data-ask-again>
            {t(locale, "invitation.ask_again")}
          </button>
        </StepForm>
      )}
      {p.canChangeMethod && (
        <p>
          <a href={`/v/${p.verificationId}?choose=1`}>{t(locale, ended ? "invitation.choose_other" : "form.change_method")}</a>
        </p>
      )}
      {!ended && (
        <>
          <noscript>
            <p>{t(locale, "invitation.live_off")}</p>
          </noscript>
          <script>{raw(INLINE_SCRIPTS["invitation-live"])}</script>
        </>
      )}
    </>
  );
}
