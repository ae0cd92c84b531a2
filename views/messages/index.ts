// Message look-up: one table per language, zh-CN first. `{name}` placeholders are filled from params.
import { en } from "./en";
import { type MessageKey, zhCN } from "./zh-CN";

export type { MessageKey };
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const TABLES: Record<Locale, Record<string, string>> = { "zh-CN": { ...zhCN }, en: { ...en } };

/**
 * Adds a method's own texts (src/methods/<name>/messages.ts) to each language's table, so the
 * table stays one per language while each method keeps its words in its folder.
 */
export function addMessages(messages: Readonly<Record<Locale, Readonly<Record<string, string>>>>) {
  for (const locale of LOCALES) Object.assign(TABLES[locale], messages[locale]);
}

/** A key built from data (a status, a reason code); t() falls back visibly when the table lacks it. */
export const messageKey = (key: string) => key as MessageKey;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(TABLES["zh-CN"], key);
}

export function t(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  return (TABLES[locale][key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

/**
 * The message for one bad field: its label (from the last path segment) in the code's sentence.
 * The label is always among the params, beside any the caller adds ({tries}, {seconds}): a
 * sentence with both must never show a raw `{field}`.
 */
export function fieldMessage(locale: Locale, path: string, code: string, params: Record<string, string> = {}): string {
  const leaf =
    path
      .split(".")
      .filter((s) => !/^\d+$/.test(s))
      .pop() ?? "";
  const labelKey = `field.${leaf}`;
  const field = isMessageKey(labelKey) ? t(locale, labelKey) : leaf || "value";
  const key = `error.${code}`;
  return t(locale, isMessageKey(key) ? key : "error.invalid_value", { field, ...params });
}
