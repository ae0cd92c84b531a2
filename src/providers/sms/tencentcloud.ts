// SMS through Tencent Cloud SMS `SendSms` (2021-01-11), one mainland number per call, with the
// approved template and signature from the configuration: mainland carriers deliver only
// approved templates, so `text` is never sent. It must never log the phone or the parameters.
import { z } from "zod";
import { unavailable } from "../answer";
import { callTencentCloud, TENCENTCLOUD_PROVIDER, type TencentCloudSettings } from "../tencentcloud/client";
import type { SmsAnswer, SmsProvider } from "./index";

export type TencentCloudSmsSettings = TencentCloudSettings & {
  sdkAppId: string;
  signName: string;
  templateId: string;
};

// Codes that say this number will not receive our messages; retrying later will not change it.
// Every other failure (per-number rate limits included: the applicant can try again later,
// template or signature problems, balance) is unavailable.
export const SEND_SMS_REJECTED_CODES: ReadonlySet<string> = new Set(["FailedOperation.PhoneNumberInBlacklist", "InvalidParameterValue.IncorrectPhoneNumber", "UnsupportedOperation.UnsuportedRegion"]);

const SENT = "Ok";

const statusSchema = z.object({
  SendStatusSet: z.array(z.object({ Code: z.string() })).min(1),
});

export function tencentCloudSms(settings: TencentCloudSmsSettings): SmsProvider {
  return {
    async send({ phone, templateParams }) {
      const reply = await callTencentCloud({
        ...settings,
        service: "sms",
        action: "SendSms",
        version: "2021-01-11",
        payload: {
          PhoneNumberSet: [`+86${phone}`],
          SmsSdkAppId: settings.sdkAppId,
          SignName: settings.signName,
          TemplateId: settings.templateId,
          TemplateParamSet: templateParams,
        },
      });
      if (reply.outcome === "unavailable") return reply;
      if (reply.error) return answerFor(reply.error.code, reply.requestId);
      const parsed = statusSchema.safeParse(reply.body);
      if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
      return answerFor(parsed.data.SendStatusSet[0]?.Code ?? "", reply.requestId);
    },
  };
}

function answerFor(code: string, requestId: string): SmsAnswer {
  if (code === SENT) return { outcome: "sent", provider: TENCENTCLOUD_PROVIDER, serial: requestId };
  if (SEND_SMS_REJECTED_CODES.has(code)) {
    return { outcome: "rejected", reason: "phone_rejected", provider: TENCENTCLOUD_PROVIDER, serial: requestId };
  }
  return unavailable(TENCENTCLOUD_PROVIDER, code);
}
