// The page shell: inline critical CSS, htmx deferred so nothing blocks the first paint.
import type { Child } from "hono/jsx";
import { assetUrl } from "./assets";
import { TestModeBanner } from "./components/test-mode";
import { type Locale, t } from "./messages";
import { CRITICAL_CSS } from "./styles";

export interface LayoutProps {
  locale: Locale;
  title: string;
  children: Child;
  scripts?: boolean;
  /** Tables (the back office): a wider column than a form's. */
  wide?: boolean;
}

export function Layout({ locale, title, children, scripts = true, wide = false }: LayoutProps) {
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        {/* No icon to fetch: otherwise every page costs a second request for /favicon.ico (a 404). */}
        <link rel="icon" href="data:," />
        <title>{`${title} · ${t(locale, "app.name")}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CRITICAL_CSS }} />
        {scripts && <script src={assetUrl("htmx.js")} defer></script>}
      </head>
      <body>
        <TestModeBanner locale={locale} />
        <header class="top">
          <div>{t(locale, "app.tagline")}</div>
        </header>
        <main id="main" class={wide ? "wide" : undefined}>
          {children}
        </main>
        <footer>{t(locale, "footer.secure")}</footer>
      </body>
    </html>
  );
}
