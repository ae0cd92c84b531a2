// The partner API's words: a text is a key and its params, chosen where the error arises and put
// into a language only at the edge (problem.ts), once the request's language is known. A param
// may itself be a text ("must be {expected}" with "an array"), rendered in the same language.
import type { Locale } from "../../../views/messages";
import { en } from "./en";
import { type ApiMessageKey, zhCN } from "./zh-CN";

export type { ApiMessageKey };

export interface ApiText {
  key: ApiMessageKey;
  params?: Readonly<Record<string, string | ApiText>>;
}

const TABLES: Record<Locale, Record<ApiMessageKey, string>> = { "zh-CN": zhCN, en };

export const text = (key: ApiMessageKey, params?: ApiText["params"]): ApiText => (params ? { key, params } : { key });

export function isApiMessageKey(key: string): key is ApiMessageKey {
  return Object.hasOwn(zhCN, key);
}

export function render(locale: Locale, t: ApiText): string {
  return TABLES[locale][t.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = t.params?.[name];
    if (value === undefined) return whole;
    return typeof value === "string" ? value : render(locale, value);
  });
}

/**
 * The API's language from Accept-Language: zh-CN when Chinese (zh, zh-CN, zh-Hans, …) ranks
 * above English, English otherwise and when the header is missing. Ranges are taken by q, then by
 * order; ones we do not speak are skipped, so "fr, zh;q=0.5" answers in Chinese.
 */
export function apiLocale(header: string | undefined): Locale {
  const ranges = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";").map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag !== "" && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}
