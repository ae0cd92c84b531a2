// The face step in the Alipay app: our page before Alipay, the start and the result asks, and the
// two pages reached without the phone's session: Alipay's return (perhaps in another browser) and,
// in test mode, the stand-in for the Alipay app.
import { localeOf } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { cookieHolds, type PhoneSession, phoneAbout, readPhoneSession, triesLeft } from "../../flow/handoff";
import type { PhoneAnswer, PhoneChannel, PhoneRequest } from "../../flow/phone-pages";
import { alipayAppLink } from "../../providers/alipay-face/index";
import { isSandboxCertifyId, SANDBOX_CERTIFY_PATH } from "../../providers/alipay-face/sandbox";
import type { HandoffRecord } from "../../sessions/handoff-session";
import type { Locale } from "../../../views/messages";
import { AlipayReturnedPage, AlipaySandboxPage, AlipayStartPage } from "../../../views/phone/alipay";
import { ConsentPage, LinkProblemPage, PhoneStatusPage } from "../../../views/phone/pages";
import { formStillOnPhone, phoneFormAction, phoneFormPage } from "./phone-form";
import { ALIPAY_RETURN_PATH, type AlipayQueryNotice, certifyUrlFor, queryAlipayCheck, returningSession, settleAlipayReturn, startAlipayFace } from "./alipay";

/** Inside the Alipay app the certify URL opens the check directly; elsewhere only Alipay's own scheme does. */
const inAlipay = (req: PhoneRequest) => /AlipayClient/i.test(req.userAgent);

const invalid = (locale: Locale): PhoneAnswer => ({ kind: "page", node: <LinkProblemPage locale={locale} reason="invalid" />, status: 400 });

/** Our page before Alipay: the button that registers a check, or, with one registered, the way to it. */
async function startPage(ctx: FlowContext, s: PhoneSession, req: PhoneRequest, notice?: AlipayQueryNotice): Promise<PhoneAnswer> {
  const { record, row } = s;
  const url = await certifyUrlFor(ctx, record);
  const appLink = url ? (row.livemode && !inAlipay(req) ? alipayAppLink(url) : url) : undefined;
  return { kind: "page", node: <AlipayStartPage locale={localeOf(row)} lastFailure={record.lastFailure} attemptsLeft={triesLeft(row)} appLink={appLink} notice={notice} /> };
}

function ReturnedElsewhere({ locale, record }: { locale: Locale; record: HandoffRecord | null }) {
  const state = record?.state ?? "expired";
  if (state === "opened" || state === "capturing" || state === "waiting") return <AlipayReturnedPage locale={locale} lastFailure={record?.lastFailure} />;
  return <PhoneStatusPage locale={locale} status={state} />;
}

export const alipayChannel: PhoneChannel = {
  purpose: "alipay_face",
  async page(ctx, s, req) {
    const form = await formStillOnPhone(ctx, s);
    if (form) return phoneFormPage(ctx, s, form);
    if (s.record.state === "opened" || s.record.state === "capturing") return startPage(ctx, s, req);
    if (s.record.state === "waiting") return { kind: "page", node: <ConsentPage locale={localeOf(s.row)} about={await phoneAbout(ctx, s)} /> };
    return null;
  },
  actions: [
    phoneFormAction("alipay_face"),
    {
      // The phone registers its check at Alipay (or finds the one it has) and goes there.
      path: "alipay/start",
      async handle(ctx, s, req) {
        const started = await startAlipayFace(ctx, s);
        const direct = started.kind === "started" && (inAlipay(req) || !s.row.livemode);
        return { kind: "redirect", to: direct ? started.certifyUrl : "/p" };
      },
    },
    {
      // The phone asks for the result when Alipay did not send it back (the app closed, a fault on return).
      path: "alipay/result",
      async handle(ctx, s, req) {
        const notice = await queryAlipayCheck(ctx, s);
        return notice ? startPage(ctx, s, req, notice) : { kind: "redirect", to: "/p" };
      },
    },
  ],
  routes: [
    {
      // Where Alipay sends the phone when its check ends, passed or not, perhaps in a browser without our cookie.
      path: ALIPAY_RETURN_PATH,
      async handle(contextFor, req) {
        const outerOrderNo = req.query("o");
        const returning = await returningSession(contextFor(false), req.query("h"), outerOrderNo, req.query("t"));
        if (!returning) return invalid(req.guessedLocale);
        const testMode = !returning.row.livemode;
        const record = await settleAlipayReturn(contextFor(returning.row.livemode), returning, outerOrderNo);
        // Settling never changes the phone's session, so the record read before tells whose browser this is.
        if (await cookieHolds(req.cookie, returning.record)) return { kind: "redirect", to: "/p", testMode };
        return { kind: "page", node: <ReturnedElsewhere locale={localeOf(returning.row)} record={record} />, testMode };
      },
    },
    {
      // Test mode's stand-in for the Alipay app: one link back to the return URL, as the app would go.
      path: SANDBOX_CERTIFY_PATH,
      async handle(contextFor, req) {
        const ctx = contextFor(false);
        const certifyId = req.query("certify_id");
        const returnUrl = URL.parse(req.query("return_url"));
        // Never a redirect to anywhere else: only our own return path on our own origin.
        if (!isSandboxCertifyId(certifyId) || !returnUrl || returnUrl.origin !== ctx.origin || returnUrl.pathname !== ALIPAY_RETURN_PATH) return invalid(req.guessedLocale);
        const s = await readPhoneSession(ctx, req.cookie);
        // The sandbox's stand-in exists in test mode only.
        return { kind: "page", node: <AlipaySandboxPage locale={s ? localeOf(s.row) : req.guessedLocale} returnUrl={returnUrl.toString()} />, testMode: true };
      },
    },
  ],
};
