// Which adapter runs a business registry query, and what live mode is built with: with the ID
// number Tencent Cloud first, else Aliyun ENT_4META; without it Aliyun ENT_3META; nothing that can
// run it is provider_not_configured. missingProviders counts the capability present with either
// vendor's key pair; businessRegistryNeedsLegalRepId tells the hosted form when only Tencent is.
import { describe, expect, it } from "vitest";
import type { BusinessRegistryProvider, BusinessRegistryQuery } from "../../../../src/providers/business-registry/index";
import { routedBusinessRegistry } from "../../../../src/providers/business-registry/route";
import { missingProviders, providersFor, registryNeedsLegalRepId, type ProviderSecrets } from "../../../../src/providers/select";
import aliyunMatch from "../fixtures/aliyun/EntElementVerifyV2.match.json";
import tencentMatch from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.match.json";
import { FIXED_NOW } from "../recorded-fetch";
import { ORG, ORG_4 } from "./organizations";

const TENCENT: ProviderSecrets = { TENCENTCLOUD_SECRET_ID: "AKIDtestonlyNOTAREALKEY", TENCENTCLOUD_SECRET_KEY: "test-only-secret-key" };
const ALIYUN: ProviderSecrets = { ALIYUN_ACCESS_KEY_ID: "LTAItestonlyNOTAREALKEY", ALIYUN_ACCESS_KEY_SECRET: "test-only-aliyun-secret" };

// A stand-in adapter that says who it is and keeps what it was asked.
function fakeAdapter(provider: string) {
  const asked: BusinessRegistryQuery[] = [];
  const adapter: BusinessRegistryProvider = {
    async check(query) {
      asked.push(query);
      return { outcome: "match", provider, serial: "s", registryStatus: "active", elements: query.legalRepIdNumber ? 4 : 3 };
    },
  };
  return { adapter, asked };
}

// Both vendors behind one fetch, told apart by host, answering their recorded matches.
function vendors() {
  const hosts: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const host = new URL(String(input)).host;
    hosts.push(host);
    const body = host === "ocr.tencentcloudapi.com" ? tencentMatch : aliyunMatch;
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { fetch, hosts };
}

describe("routedBusinessRegistry", () => {
  it.each([
    ["with the ID number, both configured", ORG_4, true, true, "tencentcloud"],
    ["with the ID number, only Aliyun", ORG_4, false, true, "aliyun"],
    ["with the ID number, only Tencent", ORG_4, true, false, "tencentcloud"],
    ["without it, both configured", ORG, true, true, "aliyun"],
    ["without it, only Aliyun", ORG, false, true, "aliyun"],
  ])("should send a query %s to %s", async (_title, query, withTencent, withAliyun, expected) => {
    const tencent = fakeAdapter("tencentcloud");
    const aliyun = fakeAdapter("aliyun");
    const routed = routedBusinessRegistry({ tencentCloud: withTencent ? tencent.adapter : null, aliyun: withAliyun ? aliyun.adapter : null });
    expect(await routed.check(query)).toMatchObject({ outcome: "match", provider: expected });
    expect([...tencent.asked, ...aliyun.asked]).toHaveLength(1);
  });

  it.each([
    ["without the ID number when only Tencent Cloud is configured", ORG, true, "aliyun"],
    ["with the ID number when nothing is configured", ORG_4, false, "tencentcloud"],
    ["without it when nothing is configured", ORG, false, "aliyun"],
  ])("should answer provider_not_configured %s, naming the vendor to configure", async (_title, query, withTencent, provider) => {
    const tencent = fakeAdapter("tencentcloud");
    const routed = routedBusinessRegistry({ tencentCloud: withTencent ? tencent.adapter : null, aliyun: null });
    expect(await routed.check(query)).toEqual({ outcome: "unavailable", provider, detail: "provider_not_configured" });
    expect(tencent.asked).toHaveLength(0);
  });

  it("should hand the adapter a normalised name", async () => {
    const aliyun = fakeAdapter("aliyun");
    await routedBusinessRegistry({ tencentCloud: null, aliyun: aliyun.adapter }).check({ ...ORG, name: " 示例科技(北京) 有限公司 " });
    expect(aliyun.asked[0]?.name).toBe("示例科技（北京）有限公司");
  });
});

describe("providersFor: the business registry", () => {
  it("should give test mode the sandbox, never a vendor, whatever is configured", async () => {
    const { fetch, hosts } = vendors();
    const providers = providersFor({ livemode: false }, { ...TENCENT, ...ALIYUN }, { fetch });
    expect(await providers.businessRegistry.check(ORG)).toMatchObject({ outcome: "match", provider: "sandbox" });
    expect(providers.businessRegistryNeedsLegalRepId).toBe(false);
    expect(hosts).toEqual([]);
  });

  it("should run live checks through Tencent Cloud (4 elements) and Aliyun (3) when both are configured", async () => {
    const { fetch, hosts } = vendors();
    const providers = providersFor({ livemode: true }, { ...TENCENT, ...ALIYUN }, { fetch, now: () => FIXED_NOW });
    expect(await providers.businessRegistry.check(ORG_4)).toMatchObject({ outcome: "match", provider: "tencentcloud", elements: 4 });
    expect(await providers.businessRegistry.check(ORG)).toMatchObject({ outcome: "match", provider: "aliyun", elements: 3 });
    expect(hosts).toEqual(["ocr.tencentcloudapi.com", "cloudauth.aliyuncs.com"]);
    expect(providers.businessRegistryNeedsLegalRepId).toBe(false);
  });

  it("should run both checks through Aliyun alone", async () => {
    const { fetch, hosts } = vendors();
    const providers = providersFor({ livemode: true }, ALIYUN, { fetch });
    expect(await providers.businessRegistry.check(ORG_4)).toMatchObject({ provider: "aliyun", elements: 4 });
    expect(await providers.businessRegistry.check(ORG)).toMatchObject({ provider: "aliyun", elements: 3 });
    expect(hosts).toEqual(["cloudauth.aliyuncs.com", "cloudauth.aliyuncs.com"]);
    expect(providers.businessRegistryNeedsLegalRepId).toBe(false);
  });

  it("should run only the 4-element check through Tencent Cloud alone, and say the form needs the ID number", async () => {
    const { fetch, hosts } = vendors();
    const providers = providersFor({ livemode: true }, TENCENT, { fetch });
    expect(await providers.businessRegistry.check(ORG_4)).toMatchObject({ provider: "tencentcloud", elements: 4 });
    expect(await providers.businessRegistry.check(ORG)).toEqual({ outcome: "unavailable", provider: "aliyun", detail: "provider_not_configured" });
    expect(hosts).toEqual(["ocr.tencentcloudapi.com"]);
    expect(providers.businessRegistryNeedsLegalRepId).toBe(true);
  });

  it("should answer provider_not_configured, without calling out, when neither vendor is configured", async () => {
    const { fetch, hosts } = vendors();
    const providers = providersFor({ livemode: true }, {}, { fetch });
    expect(await providers.businessRegistry.check(ORG_4)).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "provider_not_configured" });
    expect(hosts).toEqual([]);
  });

  it("should treat a blank Aliyun secret as missing", async () => {
    const providers = providersFor({ livemode: true }, { ...ALIYUN, ALIYUN_ACCESS_KEY_SECRET: "  " }, { fetch: vendors().fetch });
    expect(await providers.businessRegistry.check(ORG)).toMatchObject({ detail: "provider_not_configured" });
  });
});

describe("missingProviders and registryNeedsLegalRepId", () => {
  it.each([
    ["Tencent Cloud's key pair", TENCENT, [], true],
    ["Aliyun's key pair", ALIYUN, [], false],
    ["both", { ...TENCENT, ...ALIYUN }, [], false],
    ["neither", {}, ["business_registry"], false],
    ["half of each pair", { TENCENTCLOUD_SECRET_ID: "AKID", ALIYUN_ACCESS_KEY_ID: "LTAI" }, ["business_registry"], false],
  ])("should, with %s, count the registry %j missing and need the ID number: %s", (_title, secrets, missing, needsId) => {
    expect(missingProviders(secrets, ["business_registry"])).toEqual(missing);
    expect(registryNeedsLegalRepId(secrets)).toBe(needsId);
  });

  it("should not let Aliyun's pair stand in for Tencent Cloud's other capabilities", () => {
    expect(missingProviders(ALIYUN, ["identity", "business_registry", "face"])).toEqual(["identity", "face"]);
  });
});
