// The SMS twin for test mode: sends nothing and returns the message in `sandboxCopy`, because a
// Worker isolate cannot keep an outbox another request could read; the caller stores the copy
// (see sms/index.ts). Magic phone endings in sandbox-values.ts steer it to the other outcomes.
import { SANDBOX_PROVIDER, sandboxSerial, sandboxUnavailable } from "../sandbox-answer";
import { SANDBOX_PHONE_SUFFIXES } from "../sandbox-values";
import type { SmsProvider } from "./index";

export function sandboxSms(): SmsProvider {
  return {
    async send({ phone, text }) {
      if (phone.endsWith(SANDBOX_PHONE_SUFFIXES.unavailable)) return sandboxUnavailable();
      const serial = sandboxSerial();
      if (phone.endsWith(SANDBOX_PHONE_SUFFIXES.smsRejected)) {
        return { outcome: "rejected", reason: "phone_rejected", provider: SANDBOX_PROVIDER, serial };
      }
      return { outcome: "sent", provider: SANDBOX_PROVIDER, serial, sandboxCopy: { phone, text } };
    },
  };
}
