import { currentMethodStep } from "../../domain/flow/state";
import { localeOf } from "../../flow/applicant";
import { recordConsent } from "../../flow/consent";
import type { FlowContext } from "../../flow/context";
import { parseFields } from "../../flow/form/parse";
import { fillPrefilled, prefilledMasks, withoutPrefilled } from "../../flow/form/prefill";
import { handoffStub, phoneAbout, type PhoneSession, triesLeft } from "../../flow/handoff";
import { formFields, type HostedMethod, hostedMethod, reasonEntry } from "../../flow/methods";
import { pendingOf, sealPending } from "../../flow/pending";
import type { PhoneAction, PhoneAnswer } from "../../flow/phone-pages";
import { beginChange, evidence, move, note, set, write } from "../../flow/writer";
import { PhoneFormPage, type PhoneFormProps } from "../../../views/phone/method-form";
import { HANDOFF_STEP } from "./face";

interface OpenForm {
  method: string;
  hosted: HostedMethod;
}

/** The method whose form this phone is to fill, while it is not filled yet. */
export async function formStillOnPhone(ctx: FlowContext, s: PhoneSession): Promise<OpenForm | null> {
  const at = currentMethodStep(s.row.state);
  if (!s.row.options.form_on_phone || at?.step !== HANDOFF_STEP || s.record.state !== "opened") return null;
  const hosted = hostedMethod(at.method);
  if (!hosted || (await pendingOf(ctx.cipher, s.row, at.method))) return null;
  return { method: at.method, hosted };
}

const sources = (s: PhoneSession) => ({ row: s.row, locked: !!s.row.options.lock_prefills });

async function props(ctx: FlowContext, s: PhoneSession, open: OpenForm, extra: Partial<PhoneFormProps> = {}): Promise<PhoneFormProps> {
  const fields = formFields(open.hosted, s.row.options);
  const masks = prefilledMasks(sources(s), fields);
  const fixed = Object.fromEntries(Object.entries(masks).flatMap(([field, mask]) => (mask?.locked ? [[field, mask.masked]] : [])));
  return {
    locale: localeOf(s.row),
    method: open.method,
    fields,
    values: {},
    fixed,
    errors: {},
    consent: false,
    attemptsLeft: triesLeft(s.row),
    about: await phoneAbout(ctx, s),
    ...extra,
  };
}

/** Where this handoff's channel takes the form: each channel owns its phone actions. */
const actionOf = (s: PhoneSession) => (s.record.purpose === "alipay_face" ? `/p/${ALIPAY_FORM_PATH}` : `/p/${FACE_FORM_PATH}`);

export async function phoneFormPage(ctx: FlowContext, s: PhoneSession, open: OpenForm): Promise<PhoneAnswer> {
  return { kind: "page", node: <PhoneFormPage {...(await props(ctx, s, open))} action={actionOf(s)} /> };
}

async function submit(ctx: FlowContext, s: PhoneSession, form: FormData): Promise<PhoneAnswer> {
  const open = await formStillOnPhone(ctx, s);
  if (!open) return { kind: "redirect", to: "/p" };
  const { row } = s;
  const fields = formFields(open.hosted, row.options);
  const filled = await fillPrefilled(ctx.cipher, sources(s), fields, form);
  const parsed = parseFields(open.hosted.schema(row.options), form);
  const consent = form.get("consent") === "yes";
  const values = withoutPrefilled(parsed.values, filled);
  const again = async (extra: Partial<PhoneFormProps>, status: 200 | 422 = 422): Promise<PhoneAnswer> => ({
    kind: "page",
    node: <PhoneFormPage {...(await props(ctx, s, open, { values, consent, ...extra }))} action={actionOf(s)} />,
    status,
  });
  const errors = { ...(parsed.ok ? {} : parsed.errors), ...(consent ? {} : { consent: "consent_required" }) };
  if (!parsed.ok || Object.keys(errors).length > 0) return again({ errors });

  const ch = beginChange(ctx.db, row, ctx.now);
  await recordConsent(ctx, ch, row.applicantId ?? "", "method_processing", open.method);
  const result = await open.hosted.check(ctx.providers, parsed.input, row.options);
  evidence(
    ch,
    result.calls.map((call) => ({ type: "provider.call", actor: "system", data: { ...call } })),
  );
  const stub = handoffStub(ctx, s.record.handoffId);
  if (result.kind === "unavailable") {
    if (!(await write(ctx, ch)).ok) return { kind: "redirect", to: "/p" };
    return again({ reason: "provider_unavailable", reasonCounted: false });
  }
  if (result.kind === "rejected") {
    if (move(ch, { type: "attempt_failed", reason: result.reason }, { actor: "system" })) return { kind: "redirect", to: "/p" };
    const written = await write(ctx, ch);
    if (!written.ok) return { kind: "redirect", to: "/p" };
    const final = written.row.status === "failed";
    await stub.apply({ type: "form_failed", final }, { lastFailure: result.reason });
    if (final) return { kind: "redirect", to: "/p" };
    return again({ reason: result.reason, reasonCounted: reasonEntry(open.method, result.reason)?.countsAsAttempt ?? true, attemptsLeft: triesLeft(written.row) });
  }
  note(ch, { type: "method.checks_passed", actor: "system", data: { method: open.method, next: HANDOFF_STEP, on: "phone" } });
  set(ch, { pendingEnc: await sealPending(ctx.cipher, open.method, parsed.input, [...filled]) });
  await write(ctx, ch);
  // Checked: the face step's own consent and camera follow on this phone.
  return { kind: "redirect", to: "/p" };
}

const FACE_FORM_PATH = "form";
const ALIPAY_FORM_PATH = "alipay/form";

/** The form's action for a channel: the same submission, on the channel's own path. */
export function phoneFormAction(channel: "face" | "alipay_face"): PhoneAction {
  return {
    path: channel === "alipay_face" ? ALIPAY_FORM_PATH : FACE_FORM_PATH,
    // A text form: no files.
    body: { fileBytes: 0, answers: "negotiated" },
    handle: (ctx, s, req) => submit(ctx, s, req.form ?? new FormData()),
  };
}
