// A legal text page: the message's lines become headings ("## "), lists ("- ") and paragraphs,
// so the text hashed into the consent is exactly the text shown, with no markup of its own.
import { Layout } from "../layout";
import { type Locale, type MessageKey, t } from "../messages";

type Block = { kind: "h2" | "p"; text: string } | { kind: "ul"; items: string[] };

export function legalBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split("\n")) {
    const last = blocks[blocks.length - 1];
    if (line.startsWith("## ")) blocks.push({ kind: "h2", text: line.slice(3) });
    else if (line.startsWith("- ")) last?.kind === "ul" ? last.items.push(line.slice(2)) : blocks.push({ kind: "ul", items: [line.slice(2)] });
    else if (line.trim()) blocks.push({ kind: "p", text: line });
  }
  return blocks;
}

export function LegalPage({ locale, page, version }: { locale: Locale; page: "legal.service" | "legal.privacy"; version: string }) {
  const title = t(locale, `${page}.title` as MessageKey);
  return (
    <Layout locale={locale} title={title} scripts={false}>
      <article class="card">
        <h1>{title}</h1>
        <p>{t(locale, "legal.version", { version })}</p>
        {legalBlocks(t(locale, `${page}.body` as MessageKey)).map((b) =>
          b.kind === "ul" ? (
            <ul>
              {b.items.map((item) => (
                <li>{item}</li>
              ))}
            </ul>
          ) : b.kind === "h2" ? (
            <h2>{b.text}</h2>
          ) : (
            <p>{b.text}</p>
          ),
        )}
      </article>
    </Layout>
  );
}
