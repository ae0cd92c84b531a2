import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Three projects, one command (`npm test`):
// unit   - pure TypeScript in plain Node (domain, methods, providers with recorded responses);
// worker - inside workerd with D1, Durable Objects, R2 and Queues (routes, storage, sessions);
// e2e    - Debian's Chromium driven by playwright-core against a real `wrangler dev`.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      projects: [
        {
          test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ENVIRONMENT: "test",
                  ADMIN_TOKEN: "adm_test_token_for_vitest_only",
                  // Stands in for Cloudflare Access's key in tests (src/staff/access.ts).
                  STAFF_DEV_KEY:
                    '{"kid":"staff-test","kty":"EC","x":"oR0maSkPxpDMieot93grjN1a1IiXTvV13wVEl4zLULU","y":"3jMGfVgqJtQcNfFP2_W5AZYrbG3OqrvHhug-OVscVac","crv":"P-256","d":"KO4tcVdg4VMSWg39tkhPCyHalNjZlw7-DJIwJLhz8AY"}',
                  DATA_KEY: "dGVzdC1vbmx5LWRhdGEta2V5LW5vdC1hLXNlY3JldCE=",
                  DEV_PARTNER_KEY: "sk_test_vitest0000000000000000000000",
                  // The collection ingest's HMAC secret (POST /v1/ingest/credits), test-only.
                  COLLECTION_INGEST_SECRET: "ingest_test_secret_for_vitest_only",
                  // Test-only keys: an ES256 key that signs, and a retired Ed25519 key (public half only).
                  SIGNING_KEYS:
                    '[{"kid":"test-es256","kty":"EC","x":"A89nStP8dWGhaIS6PENLY-sKBElnWfaZHsTs1_w5ZLk","y":"AC18alvLZwoC15SaS51riu887xsegSLXFCcIwyMG4bM","crv":"P-256","d":"9aHMO44AfC69SLYqBvEq4Iu8CQZZQhVTb0CfjUe3bfg"},{"kid":"test-ed25519-retired","crv":"Ed25519","x":"2saBqYaW5TGjxxv8LoRxdrz6HpD8H7wH7j5tayxXy-w","kty":"OKP"}]',
                },
              },
            }),
          ],
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.ts", "test/worker/**/*.test.tsx"],
            setupFiles: ["./test/worker/setup.ts"],
          },
        },
        {
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            environment: "node",
            globalSetup: ["./test/e2e/global-setup.ts"],
            testTimeout: 60_000,
            hookTimeout: 90_000,
            fileParallelism: false,
            // A poll waits on the browser's real work (a 12 MB photo resized, a page polled), which
            // a loaded CI machine does in more than vitest's default second.
            expect: { poll: { timeout: 15_000 } },
          },
        },
      ],
    },
  };
});
