// A corporate transfer's confirmation (打款信息确认, as the seed's page): the money part and the
// stamped letter side by side, each saying where it stands. A part waiting on someone else (the
// bank, a reviewer) looks again every 5 s by itself; it never swaps away a field being typed in:
// the part swaps only itself, and the whole step only when the other part is done already, so the
// page moves on to the result the moment the last part arrives. Without JavaScript, a link reloads.
import { errorText, reasonText } from "../components/form-errors";
import { DocumentField } from "../components/document-field";
import { Field } from "../components/field";
import { StepForm } from "../components/step-form";
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";
import { type Locale, t } from "../messages";
import { bankName } from "./bank-name";
import { PhoneHandoff } from "./continue-on-phone";
import { CorporateAccountFields } from "./corporate-account";
import { type LetterPartView, type MoneyPart, STEP_ID, type StepView } from "./model";

type Props = Extract<StepView, { kind: "transfer_confirmation" }>;

const MONEY_ID = "transfer-money";
const LETTER_ID = "transfer-letter";

function moneyWaits(m: MoneyPart): boolean {
  return m.kind === "requested" || m.kind === "pay_in";
}
function moneyDone(m: MoneyPart): boolean {
  return m.kind === "confirmed";
}

/** How a waiting part looks again: itself, or (the other part done) the whole step. */
function poll(url: string, self: string, otherDone: boolean) {
  const target = otherDone ? STEP_ID : self;
  return { "hx-get": url, "hx-trigger": "every 5s", "hx-select": `#${target}`, "hx-target": `#${target}`, "hx-swap": "outerHTML" };
}

export function TransferConfirmationStep(p: Props) {
  const { locale } = p;
  return (
    <>
      <h1 id="step-title">{t(locale, p.direction === "forward" ? "transfer.confirm.heading" : "transfer.reverse.heading")}</h1>
      <p>{t(locale, p.direction === "forward" ? "transfer.confirm.intro" : "transfer.reverse.intro")}</p>
      <div class="parts">
        <Money p={p} />
        <Letter p={p} />
      </div>
      {p.canChangeMethod && (
        <p>
          <a href={`/v/${p.verificationId}?choose=1`}>{t(locale, "form.change_method")}</a>
        </p>
      )}
      <script>{raw(INLINE_SCRIPTS["copy-buttons"])}</script>
    </>
  );
}

/**
 * One part of the confirmation: its heading with done or to do, its body, and while it waits on
 * someone else, the look again every 5 s (itself, or the whole step once the other part is done).
 */
function Part(p: { id: string; locale: Locale; title: string; done: boolean; waits: boolean; pollUrl: string; otherDone: boolean; data: Record<string, string>; children: Child }) {
  const attrs = p.waits ? poll(p.pollUrl, p.id, p.otherDone) : {};
  return (
    <section class="part" id={p.id} aria-labelledby={`${p.id}-title`} {...p.data} {...attrs}>
      <h2 id={`${p.id}-title`}>
        {p.title} <span class={p.done ? "badge ok" : "badge"}>{t(p.locale, p.done ? "transfer.part.done" : "transfer.part.open")}</span>
      </h2>
      {p.children}
      {p.waits && (
        <p class="hint">
          {t(p.locale, "transfer.live")} <a href={p.pollUrl}>{t(p.locale, "transfer.reload")}</a>
        </p>
      )}
    </section>
  );
}

function Money({ p }: { p: Props }) {
  const { locale, money } = p;
  return (
    <Part
      id={MONEY_ID}
      locale={locale}
      title={t(locale, p.direction === "forward" ? "transfer.money.heading" : "transfer.pay_in.heading")}
      done={moneyDone(money)}
      waits={moneyWaits(money)}
      pollUrl={p.pollUrl}
      otherDone={p.letter.status === "approved"}
      data={{ "data-money": money.kind }}
    >
      <MoneyBody locale={locale} money={money} />
    </Part>
  );
}

function MoneyBody({ locale, money }: { locale: Locale; money: MoneyPart }) {
  switch (money.kind) {
    case "requested":
      return (
        <>
          <p role="status" data-payout="requested">
            {t(locale, "transfer.money.requested", { account: money.accountMasked, bank: bankName(locale, money.bank) })}
          </p>
          <p class="hint">{t(locale, "transfer.money.requested_hint", { at: money.requestedAt })}</p>
        </>
      );
    case "paid":
      return (
        <>
          <p role="status" data-payout="paid">
            {money.arrivalBy ? t(locale, "transfer.money.paid_by", { account: money.accountMasked, at: money.arrivalBy }) : t(locale, "transfer.money.paid", { account: money.accountMasked })}
          </p>
          <StepForm action={money.action}>
            <Field
              name="amount"
              label={t(locale, "field.amount")}
              hint={t(locale, "transfer.amount.hint")}
              value={money.typed}
              error={money.error ? errorText(locale, "amount", money.error, { tries: String(money.triesLeft) }) : undefined}
              inputmode="numeric"
              maxlength={8}
              required
              autofocus
            />
            <p class="hint" data-tries-left={money.triesLeft}>
              {t(locale, "transfer.amount.left", { tries: String(money.triesLeft), days: String(Math.floor(money.hoursLeft / 24)), hours: String(money.hoursLeft % 24), until: money.windowEnds })}
            </p>
            <button type="submit">{t(locale, "transfer.amount.submit")}</button>
          </StepForm>
        </>
      );
    case "failed":
      return (
        <>
          <div class="alert" role="alert" data-reason={money.failure}>
            <p>{t(locale, money.refunded ? "transfer.money.refunded" : "transfer.money.failed", { account: money.accountMasked })}</p>
            <p>{reasonText(locale, money.failure)}</p>
          </div>
          {money.form ? <CorporateAccountFields locale={locale} form={money.form} /> : <p>{t(locale, "transfer.money.no_payouts_left")}</p>}
        </>
      );
    case "tries_used":
      return (
        <>
          <div class="alert" role="alert" data-reason="amount_tries_used">
            <p>{reasonText(locale, "amount_tries_used")}</p>
            {money.error && <p>{reasonText(locale, money.error)}</p>}
          </div>
          {money.againAction ? (
            <StepForm action={money.againAction}>
              <p>{t(locale, "transfer.money.again_once", { account: money.accountMasked })}</p>
              <button type="submit">{t(locale, "transfer.money.again")}</button>
            </StepForm>
          ) : (
            <p>{t(locale, "transfer.money.no_payouts_left")}</p>
          )}
        </>
      );
    case "pay_in":
      return <PayIn locale={locale} money={money} />;
    case "confirmed":
      return (
        <p role="status" data-money-confirmed>
          {t(locale, money.direction === "forward" ? "transfer.money.confirmed" : "transfer.pay_in.credited", { account: money.payerAccountMasked ?? "" })}
        </p>
      );
    case "unavailable":
      return (
        <StepForm action={money.retryAction}>
          <div class="alert" role="alert">
            <p>{t(locale, "transfer.pay_in.unavailable")}</p>
          </div>
          <button type="submit">{t(locale, "transfer.pay_in.retry")}</button>
        </StepForm>
      );
  }
}

/** An account number as a bank's app shows it, in groups of four (the copy button copies the digits alone). */
const inFours = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, "$1 ");

function PayIn({ locale, money }: { locale: Locale; money: Extract<MoneyPart, { kind: "pay_in" }> }) {
  const rows: [string, string, string][] = [
    ["pay-name", t(locale, "transfer.pay_in.account_name"), money.accountName],
    ["pay-number", t(locale, "transfer.pay_in.account_number"), money.referenceKind === "virtual_account" ? money.reference : money.accountNumber],
    ["pay-bank", t(locale, "transfer.pay_in.bank"), money.bankName],
    ["pay-amount", t(locale, "transfer.pay_in.amount"), `¥${money.amount}`],
    ...(money.referenceKind === "remark" ? [["pay-remark", t(locale, "transfer.pay_in.remark"), money.reference] as [string, string, string]] : []),
  ];
  return (
    <>
      <dl class="facts pay-in">
        {rows.map(([id, label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>
              <code id={id} data-pay={id} data-value={value}>
                {id === "pay-number" ? inFours(value) : value}
              </code>{" "}
              <button type="button" class="secondary small" data-copy={id} data-copied={t(locale, "transfer.copied")} aria-label={`${t(locale, "transfer.copy")} ${label}`} hidden>
                {t(locale, "transfer.copy")}
              </button>
            </dd>
          </>
        ))}
      </dl>
      <p>{t(locale, money.referenceKind === "remark" ? "transfer.pay_in.rule_remark" : "transfer.pay_in.rule_virtual")}</p>
      <p class="hint">{t(locale, "transfer.pay_in.not_refunded", { until: money.payBy })}</p>
      <p role="status" data-credit="waiting">
        {t(locale, "transfer.pay_in.waiting")}
      </p>
    </>
  );
}

function Letter({ p }: { p: Props }) {
  const { locale, letter } = p;
  return (
    <Part
      id={LETTER_ID}
      locale={locale}
      title={t(locale, "transfer.letter.heading")}
      done={letter.status === "approved"}
      waits={letter.status === "pending"}
      pollUrl={p.pollUrl}
      otherDone={moneyDone(p.money)}
      data={{ "data-letter": letter.status }}
    >
      <LetterBody locale={locale} letter={letter} verificationId={p.verificationId} />
    </Part>
  );
}

function LetterBody({ locale, letter, verificationId }: { locale: Locale; letter: LetterPartView; verificationId: string }) {
  if (letter.status === "pending") return <p role="status">{t(locale, "transfer.letter.pending", { hours: String(letter.targetHours) })}</p>;
  if (letter.status === "approved") return <p role="status">{t(locale, "transfer.letter.approved")}</p>;
  return (
    <>
      {letter.status === "rejected" && (
        <div class="alert" role="alert" data-reason={letter.reason}>
          <p>{t(locale, "transfer.letter.rejected")}</p>
          <p>{reasonText(locale, `review_${letter.reason ?? "other"}`)}</p>
        </div>
      )}
      <ol class="steps-list">
        <li>
          <a href={letter.downloadUrl} download>
            {t(locale, "transfer.letter.download")}
          </a>{" "}
          {t(locale, "transfer.letter.download_hint")}
        </li>
        <li>{t(locale, "transfer.letter.stamp")}</li>
        <li>{t(locale, "transfer.letter.upload_hint")}</li>
      </ol>
      <StepForm action={letter.uploadAction} multipart>
        <DocumentField locale={locale} name="authorization_letter" hint="transfer.letter.file_hint" error={letter.error} autofocus={!!letter.error} required />
        <button type="submit" class="secondary">
          {t(locale, "transfer.letter.submit")}
        </button>
      </StepForm>
      <LetterByPhone locale={locale} letter={letter} verificationId={verificationId} />
    </>
  );
}

/** 用手机拍照上传: a button, then the QR code and the handoff's live state in the letter part. */
function LetterByPhone({ locale, letter, verificationId }: { locale: Locale; letter: LetterPartView; verificationId: string }) {
  if (!letter.phoneAction) return null;
  return (
    <section class="by-phone" aria-labelledby="letter-phone-title" data-letter-phone={letter.phone ? letter.phone.state : "offered"}>
      <h3 id="letter-phone-title">{t(locale, "transfer.letter.by_phone")}</h3>
      {letter.phone ? (
        <PhoneHandoff locale={locale} verificationId={verificationId} handoff={letter.phone} />
      ) : (
        <StepForm action={letter.phoneAction}>
          <p class="hint">{t(locale, "transfer.letter.by_phone_hint")}</p>
          <button type="submit" class="secondary">
            {t(locale, "transfer.letter.by_phone_button")}
          </button>
        </StepForm>
      )}
    </section>
  );
}
