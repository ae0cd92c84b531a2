// Test mode made visible: a verification created with a test key runs against the sandboxes, so
// every page of it says so at the top, before anything else. The routes provide the mode once per
// page (a context), so no page component passes it along; without a provider it is off, so a
// live page can never show it by mistake.
import { type Child, createContext, useContext } from "hono/jsx";
import { type Locale, t } from "../messages";

const TestModeContext = createContext(false);

export function TestMode({ on, children }: { on: boolean; children: Child }) {
  return <TestModeContext.Provider value={on}>{children}</TestModeContext.Provider>;
}

export function TestModeBanner({ locale }: { locale: Locale }) {
  if (!useContext(TestModeContext)) return null;
  return (
    <p class="sandbox" data-test-mode>
      {t(locale, "test_mode.banner")}
    </p>
  );
}
