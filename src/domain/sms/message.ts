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
