// Links to the legal texts (/legal), their titles quoted as each language quotes a document's
// title: 《服务协议》 in Chinese, the bare title in English (a message, never brackets in code).
import { type Locale, t } from "../messages";

export const LEGAL_DOCS = {
  service: { path: "/legal/service-agreement", title: "legal.service.title" },
  privacy: { path: "/legal/privacy", title: "legal.privacy.title" },
} as const;

export type LegalDoc = keyof typeof LEGAL_DOCS;

/** The document's title as a sentence quotes it. */
export function quotedTitle(locale: Locale, doc: LegalDoc): string {
  return t(locale, "legal.quoted", { title: t(locale, LEGAL_DOCS[doc].title) });
}

export function LegalLink({ locale, doc }: { locale: Locale; doc: LegalDoc }) {
  return (
    <a href={`${LEGAL_DOCS[doc].path}?lang=${locale}`} target="_blank" rel="noopener noreferrer">
      {quotedTitle(locale, doc)}
    </a>
  );
}
