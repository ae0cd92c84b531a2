// Choosing implementations: test mode is always the sandbox, live mode is Tencent Cloud where its
// secrets are present and an unavailable stand-in where they are not; missingProviders says which.
// Alipay face is live only where its app is configured, and absent (null) otherwise.
import { describe, expect, it } from "vitest";
import { CAPABILITIES, missingProviders, providersFor, type ProviderSecrets, type Providers } from "../../../src/providers/select";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { ALIPAY_GATEWAY, ALIPAY_SANDBOX_GATEWAY } from "../../../src/providers/alipay/client";
import { INITIALIZE, QUERY } from "../../../src/providers/alipay-face/alipay";
import { ALIPAY_KEYS, APP_KEYS, bare, fakeAlipay, responseKey, signedBody } from "./alipay/fake-alipay";
import { FIXED_NOW, replay, type SentRequest } from "./recorded-fetch";

const ALL_SECRETS: ProviderSecrets = {
  TENCENTCLOUD_SECRET_ID: "AKIDtestonlyNOTAREALKEY",
  TENCENTCLOUD_SECRET_KEY: "test-only-secret-key",
  TENCENTCLOUD_SMS_SDK_APP_ID: "1400006666",
  TENCENTCLOUD_SMS_SIGN_NAME: "实名",
  TENCENTCLOUD_SMS_TEMPLATE_ID: "1110",
};

// Tencent Cloud's and Aliyun's capabilities; payouts and collections are contracted separately (below).
const REGISTRY_CAPABILITIES = CAPABILITIES.filter((c) => c !== "payout" && c !== "collection");

const [zhang] = TEST_IDENTITIES;
const clip = new Uint8Array([1, 2, 3]);

// One call to each capability, so a test can see who answered and what went out.
async function callEach(providers: Providers) {
  return {
    identity: await providers.identity.check(zhang),
    carrier: await providers.carrier.check(zhang),
    bank: await providers.bank.check(zhang),
    ocr: await providers.ocr.readIdCard({ side: "front", image: clip, contentType: "image/jpeg" }),
    sms: await providers.sms.send({ phone: zhang.phone, text: "code 123456", templateParams: ["123456"] }),
    face: await providers.face.checkLiveness({ ...zhang, clip, clipType: "video/mp4", expectedActions: ["blink", "open_mouth"] }),
  };
}

function actionsSent(sent: SentRequest[]) {
  return sent.map((request) => request.headers.get("X-TC-Action"));
}

describe("providersFor", () => {
  it("should give test mode the sandboxes even when every secret is set", async () => {
    const { fetch, sent } = replay({ Response: { RequestId: "never" } });
    const answers = await callEach(providersFor({ livemode: false }, ALL_SECRETS, { fetch }));
    for (const answer of Object.values(answers)) expect(answer.provider).toBe("sandbox");
    expect(sent).toHaveLength(0);
  });

  it("should give live mode the Tencent Cloud adapters, through the injected fetch", async () => {
    const { fetch, sent } = replay({ Response: { RequestId: "req-1" } });
    const answers = await callEach(providersFor({ livemode: true }, ALL_SECRETS, { fetch }));
    for (const answer of Object.values(answers)) expect(answer.provider).toBe("tencentcloud");
    expect(actionsSent(sent)).toEqual(["IdCardVerification", "PhoneVerification", "BankCard4EVerification", "IDCardOCR", "SendSms", "LivenessRecognition"]);
  });

  it("should default the region to ap-guangzhou and honour a configured one", async () => {
    const first = replay({ Response: { RequestId: "req-1" } });
    await providersFor({ livemode: true }, ALL_SECRETS, { fetch: first.fetch }).identity.check(zhang);
    expect(first.sent[0]?.headers.get("X-TC-Region")).toBe("ap-guangzhou");

    const second = replay({ Response: { RequestId: "req-2" } });
    await providersFor({ livemode: true }, { ...ALL_SECRETS, TENCENTCLOUD_REGION: "ap-shanghai" }, { fetch: second.fetch }).identity.check(zhang);
    expect(second.sent[0]?.headers.get("X-TC-Region")).toBe("ap-shanghai");
  });

  it("should answer provider_not_configured, without calling out, for live capabilities missing secrets", async () => {
    const { fetch, sent } = replay({ Response: { RequestId: "never" } });
    const answers = await callEach(providersFor({ livemode: true }, {}, { fetch }));
    for (const answer of Object.values(answers)) {
      expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "provider_not_configured" });
    }
    expect(sent).toHaveLength(0);
  });

  it("should still run the registry checks live when only the SMS settings are missing", async () => {
    const { fetch } = replay({ Response: { Result: "0", RequestId: "req-1" } });
    const secrets = { TENCENTCLOUD_SECRET_ID: "AKIDtestonlyNOTAREALKEY", TENCENTCLOUD_SECRET_KEY: "test-only-secret-key" };
    const providers = providersFor({ livemode: true }, secrets, { fetch });
    expect(await providers.identity.check(zhang)).toMatchObject({ outcome: "match", provider: "tencentcloud" });
    expect(await providers.sms.send({ phone: zhang.phone, text: "x", templateParams: [] })).toMatchObject({ detail: "provider_not_configured" });
  });
});

describe("missingProviders", () => {
  it("should list nothing when every secret is set", () => {
    expect(missingProviders(ALL_SECRETS, REGISTRY_CAPABILITIES)).toEqual([]);
  });

  it("should list every capability when the key pair is missing", () => {
    expect(missingProviders({}, CAPABILITIES)).toEqual([...CAPABILITIES]);
  });

  it("should list only sms when only the SMS settings are missing", () => {
    const { TENCENTCLOUD_SMS_TEMPLATE_ID: _dropped, ...secrets } = ALL_SECRETS;
    expect(missingProviders(secrets, REGISTRY_CAPABILITIES)).toEqual(["sms"]);
  });

  it("should treat a blank secret as missing", () => {
    expect(missingProviders({ ...ALL_SECRETS, TENCENTCLOUD_SECRET_KEY: "   " }, ["identity"])).toEqual(["identity"]);
  });

  it("should not require a region, which has a default", () => {
    expect(missingProviders({ ...ALL_SECRETS, TENCENTCLOUD_REGION: undefined }, ["face"])).toEqual([]);
  });

  it("should answer only for the capabilities asked about, in their order, once each", () => {
    expect(missingProviders({}, ["face", "carrier", "face"])).toEqual(["face", "carrier"]);
  });
});

describe("Alipay face", () => {
  const ALIPAY_SECRETS: ProviderSecrets = { ALIPAY_APP_ID: "2021000000000000", ALIPAY_PRIVATE_KEY: bare(APP_KEYS.pkcs1), ALIPAY_PUBLIC_KEY: ALIPAY_KEYS.spki };
  const request = { name: zhang.name, idNumber: zhang.idNumber, outerOrderNo: "vrf0001", returnUrl: "https://verify.example.com/r" };

  // Answers initialize with a certify_id and query with a pass, as Alipay signs them.
  function gateway() {
    return fakeAlipay((sent) => {
      const method = sent.params.get("method") ?? "";
      const inner = method === INITIALIZE ? '{"code":"10000","certify_id":"ZM1"}' : '{"code":"10000","passed":"T"}';
      return signedBody(responseKey(method), inner);
    });
  }

  it("should give test mode the sandbox even when Alipay's secrets are set", async () => {
    const { fetch, requests } = gateway();
    const providers = providersFor({ livemode: false }, ALIPAY_SECRETS, { fetch });
    expect(await providers.alipayFace?.start(request)).toMatchObject({ outcome: "started", provider: "sandbox" });
    expect(requests).toHaveLength(0);
  });

  it("should give live mode the Alipay adapter when its three secrets are set, through the injected fetch", async () => {
    const { fetch, requests } = gateway();
    const alipay = providersFor({ livemode: true }, { ...ALL_SECRETS, ...ALIPAY_SECRETS }, { fetch, now: () => FIXED_NOW }).alipayFace;
    expect(alipay).not.toBeNull();
    expect(await alipay?.start(request)).toMatchObject({ outcome: "started", provider: "alipay", certifyId: "ZM1" });
    expect(await alipay?.query("ZM1")).toEqual({ outcome: "match", provider: "alipay", serial: "ZM1" });
    expect(requests.map((sent) => [sent.url, sent.params.get("method"), sent.params.get("timestamp")])).toEqual([
      [ALIPAY_GATEWAY, INITIALIZE, "2023-11-15 06:13:20"],
      [ALIPAY_GATEWAY, QUERY, "2023-11-15 06:13:20"],
    ]);
  });

  it("should honour a configured gateway", async () => {
    const { fetch, requests } = gateway();
    const alipay = providersFor({ livemode: true }, { ...ALIPAY_SECRETS, ALIPAY_GATEWAY: ALIPAY_SANDBOX_GATEWAY }, { fetch }).alipayFace;
    await alipay?.query("ZM1");
    expect(requests[0]?.url).toBe(ALIPAY_SANDBOX_GATEWAY);
  });

  it.each(["ALIPAY_APP_ID", "ALIPAY_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"] as const)("should leave it out of live mode (null, so never offered) when %s is missing or blank", (name) => {
    expect(providersFor({ livemode: true }, { ...ALL_SECRETS, ...ALIPAY_SECRETS, [name]: undefined }).alipayFace).toBeNull();
    expect(providersFor({ livemode: true }, { ...ALL_SECRETS, ...ALIPAY_SECRETS, [name]: "  " }).alipayFace).toBeNull();
  });

  it("should not make Alipay a capability that live mode requires", () => {
    expect(missingProviders(ALL_SECRETS, REGISTRY_CAPABILITIES)).toEqual([]);
  });

  it("should need the Alipay app in certificate mode with its fund transfer contracted for payouts, and the receiving account with its ingest secret for collections", () => {
    const alipay = { ALIPAY_APP_ID: "2021000000000000", ALIPAY_PRIVATE_KEY: "k", ALIPAY_PUBLIC_KEY: "p" };
    const certificates = { ALIPAY_APP_CERT: "a", ALIPAY_PUBLIC_CERT: "b", ALIPAY_ROOT_CERT: "c" };
    expect(missingProviders({ ...ALL_SECRETS, ...alipay, ...certificates }, ["payout"])).toEqual(["payout"]);
    // The fund APIs take certificate mode only: the public key alone is not enough.
    expect(missingProviders({ ...ALL_SECRETS, ...alipay, ALIPAY_FUND_TRANSFER: "1" }, ["payout"])).toEqual(["payout"]);
    expect(missingProviders({ ...ALL_SECRETS, ...alipay, ...certificates, ALIPAY_FUND_TRANSFER: "1" }, ["payout"])).toEqual([]);
    const account = { COLLECTION_ACCOUNT_NAME: "实名科技有限公司", COLLECTION_ACCOUNT_NUMBER: "110060149018800012345", COLLECTION_BANK_NAME: "交通银行" };
    expect(missingProviders({ ...ALL_SECRETS, ...account }, ["collection"])).toEqual(["collection"]);
    expect(missingProviders({ ...ALL_SECRETS, ...account, COLLECTION_INGEST_SECRET: "s" }, ["collection"])).toEqual([]);
  });
});
