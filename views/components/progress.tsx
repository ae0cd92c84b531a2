// The method's steps as Beijing's page shows them (银行账户认证 → 手机验证 → 上传身份证件 → 认证结果),
// the current one marked for screen readers too.
import { isMessageKey, type Locale, t } from "../messages";

export function Progress({ locale, progress }: { locale: Locale; progress: { steps: string[]; current: number } | undefined }) {
  if (!progress || progress.steps.length < 2) return null;
  return (
    <ol class="steps" aria-label={t(locale, "progress.label")}>
      {progress.steps.map((key, i) => (
        <li aria-current={i === progress.current ? "step" : undefined} data-progress={key}>
          {isMessageKey(key) ? t(locale, key) : key}
        </li>
      ))}
    </ol>
  );
}
