// The legal representative's pages (/a): who asks and for what on every one, then where they
// stand: their ID number and the start of their own verification, the way back to it, the letter
// to sign with an SMS code, or how it ended. Plain forms (no htmx): the phone's pages stay small.
import type { Letter } from "../../src/domain/authorization/letter";
import { Field } from "../components/field";
import { errorText } from "../components/form-errors";
import { ResendButton } from "../components/resend-button";
import { DefaultActionButton } from "../components/default-action";
import { type Locale, t } from "../messages";
import { PhonePage } from "../phone/phone-page";
import type { InvitationAbout, LegalRepPage } from "./model";

function About({ about }: { about: InvitationAbout }) {
  const { locale } = about;
  return (
    <>
      <p data-asks>{t(locale, "lr.asks", { partner: about.partner })}</p>
      <dl class="facts" data-about>
        <dt>{t(locale, "lr.org_name")}</dt>
        <dd data-org>{about.organization.name}</dd>
        <dt>{t(locale, "lr.uscc")}</dt>
        <dd>{about.organization.credentialCode}</dd>
        <dt>{t(locale, "lr.legal_rep")}</dt>
        <dd>{about.legalRepName}</dd>
        <dt>{t(locale, "lr.operator")}</dt>
        <dd data-operator>{"name" in about.operator ? about.operator.name : t(locale, "lr.operator_phone", { phone: about.operator.phone })}</dd>
      </dl>
    </>
  );
}

function DeclineForm({ locale }: { locale: Locale }) {
  return (
    <details data-decline>
      <summary>{t(locale, "lr.decline")}</summary>
      <form method="post" action="/a/decline">
        <label for="f-reason">{t(locale, "lr.decline.reason")}</label>
        <textarea id="f-reason" name="reason" rows={2} maxlength={200}></textarea>
        <button type="submit" class="secondary wide">
          {t(locale, "lr.decline.confirm")}
        </button>
      </form>
    </details>
  );
}

function Intro(p: Extract<LegalRepPage, { kind: "intro" }>) {
  const { locale } = p.about;
  const error = p.errors.id_number;
  return (
    <>
      <About about={p.about} />
      <p>{t(locale, "lr.what", { partner: p.about.partner })}</p>
      <form method="post" action="/a/start" novalidate>
        {p.needsIdNumber && (
          <Field
            name="id_number"
            label={t(locale, "field.id_number")}
            hint={t(locale, "lr.id_number.hint")}
            value={p.idNumber}
            maxlength={18}
            autocomplete="off"
            required
            error={error ? errorText(locale, "id_number", error, { tries: String(p.triesLeft ?? 0) }) : undefined}
            autofocus={!!error}
          />
        )}
        <button type="submit" class="wide" data-start>
          {t(locale, "lr.start")}
        </button>
      </form>
      <p class="hint">{t(locale, "lr.expires", { time: p.about.expiresAt })}</p>
      <DeclineForm locale={locale} />
    </>
  );
}

export function LetterText({ letter }: { letter: Letter }) {
  return (
    <article class="letter" lang="zh-CN" data-letter>
      <h2>{letter.title}</h2>
      <dl>
        {letter.parties.map((l) => (
          <>
            <dt>{l.label}</dt>
            <dd>{l.value}</dd>
          </>
        ))}
      </dl>
      {letter.body.map((para) => (
        <p>{para}</p>
      ))}
      <dl class="signature">
        {letter.signature.map((l) => (
          <>
            <dt>{l.label}</dt>
            <dd>{l.value}</dd>
          </>
        ))}
      </dl>
    </article>
  );
}

function LetterToSign(p: Extract<LegalRepPage, { kind: "letter" }>) {
  const { locale } = p.about;
  const phoneError = p.errors.sign_phone;
  const codeError = p.errors.sign_code;
  const askPhone = p.phoneMasked === null;
  return (
    <>
      <LetterText letter={p.letter} />
      <form method="post" action="/a/sign" novalidate data-sign>
        {/* Enter in a field signs, never asks for another code. */}
        <DefaultActionButton name="action" value="sign" label={t(locale, "lr.letter.sign")} />
        <input type="hidden" name="letter_sha256" value={p.letterSha256} />
        {askPhone ? (
          <Field
            name="sign_phone"
            label={t(locale, "field.sign_phone")}
            type="tel"
            inputmode="numeric"
            maxlength={14}
            value={p.phone}
            error={phoneError ? errorText(locale, "sign_phone", phoneError) : undefined}
            autofocus={!!phoneError}
          />
        ) : (
          <p class="hint">{t(locale, "lr.letter.code_to", { phone: p.phoneMasked ?? "" })}</p>
        )}
        {p.codeSent && (
          <p class="notice" role="status">
            {t(locale, "code.sent_at", { phone: p.phoneMasked ?? "" })}
          </p>
        )}
        <Field
          name="code"
          label={t(locale, "field.sign_code")}
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={6}
          error={codeError ? errorText(locale, "sign_code", codeError, { tries: String(p.triesLeft ?? 0), seconds: String(p.resendInSeconds) }) : undefined}
          autofocus={!!codeError && !phoneError}
          after={<ResendButton locale={locale} seconds={p.resendInSeconds} name="action" value="send_code" label={t(locale, "lr.letter.get_code")} />}
        />
        <button type="submit" name="action" value="sign" class="wide" data-sign-button>
          {t(locale, "lr.letter.sign")}
        </button>
      </form>
      <DeclineForm locale={locale} />
    </>
  );
}

function titleOf(page: LegalRepPage, locale: Locale): string {
  switch (page.kind) {
    case "letter":
      return t(locale, "lr.letter.heading");
    case "signed":
      return t(locale, "lr.signed.heading");
    case "declined":
      return t(locale, "lr.declined.heading");
    case "not_verified":
      return t(locale, "lr.not_verified.heading");
    case "link_problem":
      return t(locale, "lr.link.heading");
    default:
      return t(locale, "lr.title");
  }
}

export function LegalRepPageView({ page }: { page: LegalRepPage }) {
  const locale = page.kind === "link_problem" ? page.locale : page.about.locale;
  return (
    <PhonePage locale={locale} title={titleOf(page, locale)} phone={`invitation_${page.kind}`}>
      <Body page={page} />
    </PhonePage>
  );
}

function Body({ page }: { page: LegalRepPage }) {
  switch (page.kind) {
    case "intro":
      return <Intro {...page} />;
    case "verifying":
      return (
        <>
          <About about={page.about} />
          <p>{t(page.about.locale, "lr.verifying.body")}</p>
          <p>
            <a class="button wide" href={page.childUrl} data-continue>
              {t(page.about.locale, "lr.verifying.continue")}
            </a>
          </p>
          <DeclineForm locale={page.about.locale} />
        </>
      );
    case "letter":
      return <LetterToSign {...page} />;
    case "letter_unavailable":
      return (
        <p class="alert" role="alert" data-reason="letter_glyphs_missing">
          {t(page.about.locale, "lr.letter.glyphs_missing", { characters: page.characters.join(" ") })}
        </p>
      );
    case "signed":
      return (
        <p class="notice" role="status">
          {t(page.about.locale, "lr.signed.body", { org: page.about.organization.name })}
        </p>
      );
    case "declined":
      return <p>{t(page.about.locale, "lr.declined.body")}</p>;
    case "not_verified":
      return <p>{t(page.about.locale, "lr.not_verified.body")}</p>;
    case "link_problem":
      return (
        <p class="alert" data-reason={page.reason}>
          {t(page.locale, `lr.link.${page.reason}`)}
        </p>
      );
  }
}
