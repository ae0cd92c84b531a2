// The SMS port: hands one text message to a gateway. It must never choose the text or keep the
// code it carries (the session that issued the code keeps only its hash). A sandbox cannot keep
// an outbox in memory, since every request may land in another Worker isolate: it returns the
// message in `sandboxCopy`, and the caller stores it where the test-mode pages can show it.
import type { UnavailableAnswer } from "../answer";

export type SmsMessage = {
  /** 11-digit mainland number, already validated. */
  phone: string;
  /** The full text as the applicant would read it; real gateways send an approved template instead. */
  text: string;
  /** The values for the approved template's placeholders, in order. */
  templateParams: string[];
};

export type SmsSandboxCopy = { phone: string; text: string };

export type SmsAnswer =
  | { outcome: "sent"; provider: string; serial: string; sandboxCopy?: SmsSandboxCopy }
  // The gateway will not deliver to this number (unsubscribed, blacklisted, not a mobile):
  // trying again later will not help, unlike `unavailable`.
  | { outcome: "rejected"; reason: "phone_rejected"; provider: string; serial: string }
  | UnavailableAnswer;

export interface SmsProvider {
  send(message: SmsMessage): Promise<SmsAnswer>;
}
