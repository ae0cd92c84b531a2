// The SMS text, in Chinese as carriers require: signature in 【】, the code, what it is for, and
// how long it lasts. Template parameters mirror it for gateways that send approved templates.
import { CODE_TTL_MS, type CodePurpose } from "./code";

const PURPOSES: Record<CodePurpose, string> = {
  app_authorization: "登录并授权",
  mobile3: "手机号实名认证",
  bankcard4: "银行卡实名认证",
};

export function smsText(signName: string, purpose: CodePurpose, code: string) {
  const minutes = String(CODE_TTL_MS / 60_000);
  return {
    text: `【${signName}】您的验证码为${code}，用于${PURPOSES[purpose]}，${minutes}分钟内有效。请勿告诉他人，如非本人操作请忽略。`,
    templateParams: [code, PURPOSES[purpose], minutes],
  };
}
