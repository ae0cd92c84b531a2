// What a step shows and takes on the phone, registered with the step: the phone route knows the
// link, the cookie and the page frame, and asks the step that owns the handoff's channel for the
// rest. The answers are plain values, so a step needs no HTTP framework to say "this page" or
// "go there".
import type { JSX } from "hono/jsx/jsx-runtime";
import type { Locale } from "../../views/messages";
import type { HandoffPurpose } from "../sessions/handoff-session";
import type { FlowContext } from "./context";
import type { PhoneSession } from "./handoff";

export type PhoneAnswer = { kind: "page"; node: JSX.Element; status?: 200 | 400 | 401 | 410 | 422 } | { kind: "redirect"; to: string } | { kind: "json"; body: unknown; status?: 200 | 401 | 422 };

export interface PhoneRequest {
  /** The posted form, read within the action's cap; null for a GET or an action that takes no body. */
  form: FormData | null;
  query(name: string): string;
  /** The page's script asked for JSON rather than a page. */
  wantsJson: boolean;
  userAgent: string;
  /** The phone session's cookie as sent, for pages reached without going through it (a return from another app). */
  cookie: string | undefined;
  /** The browser's language, for a page shown before any verification is known. */
  guessedLocale: Locale;
}

export interface PhoneAction {
  /** The path after `/p/`, e.g. `clip`. */
  path: string;
  /** What the post may carry: files up to this many bytes (plus the form's own fields), answered as JSON or as the client asked. */
  body?: { fileBytes: number; answers: "json" | "negotiated" };
  handle(ctx: FlowContext, s: PhoneSession, req: PhoneRequest): Promise<PhoneAnswer>;
  /** The answer when no session holds (the cookie expired): a page unless the action says otherwise. */
  withoutSession?(locale: Locale, wantsJson: boolean): PhoneAnswer | null;
}

/** A GET of the channel's own that arrives without the phone session (Alipay's return, its test stand-in). */
export interface PhoneRoute {
  path: string;
  /** The route finds the verification itself; `contextFor` gives the providers of its mode. */
  handle(contextFor: (livemode: boolean) => FlowContext, req: PhoneRequest): Promise<PhoneAnswer & { testMode?: boolean }>;
}

/** One channel of a step on the phone (face in the browser, face in Alipay, ID photos). */
export interface PhoneChannel {
  purpose: HandoffPurpose;
  /** What /p shows while the channel is at work; null when the handoff is over and the route's status page says how it ended. */
  page(ctx: FlowContext, s: PhoneSession, req: PhoneRequest): Promise<PhoneAnswer | null>;
  actions?: readonly PhoneAction[];
  routes?: readonly PhoneRoute[];
}
