// The SMS text, in Chinese as carriers require: signature in 【】, the code, what it is for, and
// how long it lasts. Template parameters mirror it for gateways that send approved templates.
import { CODE_TTL_MS } from "./code";

/** `purpose` is what the code is for, in the SMS's words (e.g. 手机号实名认证): each method says its own. */
export function smsText(signName: string, purpose: string, code: string) {
  const minutes = String(CODE_TTL_MS / 60_000);
  return {
    text: `【${signName}】您的验证码为${code}，用于${purpose}，${minutes}分钟内有效。请勿告诉他人，如非本人操作请忽略。`,
    templateParams: [code, purpose, minutes],
  };
}

/**
 * The invitation's SMS: who asks the legal representative to sign, for which organization, and the
 * link whole (its own line, so a phone makes it tappable). The organization's name is public data.
 */
export function invitationSmsText(signName: string, partnerName: string, orgName: string, url: string, days: number) {
  return {
    text: `【${signName}】${partnerName}请您以${orgName}法定代表人身份完成核验并签署企业实名认证授权书：${url} ，${days}天内有效。如非本人操作请忽略。`,
    templateParams: [partnerName, orgName, url, String(days)],
  };
}
