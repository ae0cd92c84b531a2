// The Aliyun key pair survives config parsing (a key left out of the schema would be dropped
// silently and the registry would never be configured), trimmed, and blank reads as absent.
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config";
import type { Env } from "../../src/env";

const BASE = {
  ADMIN_TOKEN: "adm_test_token_for_vitest_only",
  DATA_KEY: "dGVzdC1vbmx5LWRhdGEta2V5LW5vdC1hLXNlY3JldCE=",
  SIGNING_KEYS:
    '[{"kid":"test-es256","kty":"EC","x":"A89nStP8dWGhaIS6PENLY-sKBElnWfaZHsTs1_w5ZLk","y":"AC18alvLZwoC15SaS51riu887xsegSLXFCcIwyMG4bM","crv":"P-256","d":"9aHMO44AfC69SLYqBvEq4Iu8CQZZQhVTb0CfjUe3bfg"}]',
};

// Bindings are irrelevant to parsing; a partial env is enough here.
const envWith = (vars: Record<string, string>) => ({ ...BASE, ...vars }) as unknown as Env;

describe("readConfig: the Aliyun key pair", () => {
  it("should keep both secrets, trimmed", () => {
    const config = readConfig(envWith({ ALIYUN_ACCESS_KEY_ID: " LTAItestonly ", ALIYUN_ACCESS_KEY_SECRET: "secret" }));
    expect([config.ALIYUN_ACCESS_KEY_ID, config.ALIYUN_ACCESS_KEY_SECRET]).toEqual(["LTAItestonly", "secret"]);
  });

  it("should read a blank or missing secret as absent", () => {
    const config = readConfig(envWith({ ALIYUN_ACCESS_KEY_ID: "   " }));
    expect([config.ALIYUN_ACCESS_KEY_ID, config.ALIYUN_ACCESS_KEY_SECRET]).toEqual([undefined, undefined]);
  });
});
