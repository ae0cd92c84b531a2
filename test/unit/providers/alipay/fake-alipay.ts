// Test doubles for the Alipay open platform: key pairs made here, an oracle that signs and verifies
// with Node's own RSA (independent of the WebCrypto code under test), and a fake gateway `fetch`
// that decodes what was sent and answers with bodies signed as Alipay signs them. Each fakeAlipay()
// call has its own request list, so no test sees another's requests.
import type { AlipaySettings } from "../../../../src/providers/alipay/client";
import { FIXED_NOW } from "../recorded-fetch";

// The unit project typechecks against the Workers types only; the few Node functions used are
// typed here rather than adding @types/node to a program where src could then use Buffer unnoticed.
type NodeCrypto = {
  generateKeyPairSync(
    type: "rsa",
    options: { modulusLength: number; publicKeyEncoding: { type: "spki"; format: "pem" }; privateKeyEncoding: { type: "pkcs8"; format: "pem" } },
  ): { publicKey: string; privateKey: string };
  createPrivateKey(pem: string): { export(options: { type: "pkcs1" | "pkcs8"; format: "pem" }): string };
  createSign(algorithm: "RSA-SHA256"): { update(data: string, encoding: "utf8"): { sign(key: string, format: "base64"): string } };
  createVerify(algorithm: "RSA-SHA256"): { update(data: string, encoding: "utf8"): { verify(key: string, signature: string, format: "base64"): boolean } };
};
const NODE_CRYPTO = "node:crypto";
const node: NodeCrypto = await import(NODE_CRYPTO);

export type KeyPair = { pkcs8: string; pkcs1: string; spki: string };

function keyPair(): KeyPair {
  const { publicKey, privateKey } = node.generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { pkcs8: privateKey, pkcs1: node.createPrivateKey(privateKey).export({ type: "pkcs1", format: "pem" }), spki: publicKey };
}

/** Ours (the merchant app's) and Alipay's: the adapter signs with the first and verifies with the second. */
export const APP_KEYS = keyPair();
export const ALIPAY_KEYS = keyPair();

/** A PEM's base64 body on one line, as Alipay's key tool prints keys. */
export function bare(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
}

export function derOf(pem: string): Uint8Array {
  return Uint8Array.from(atob(bare(pem)), (c) => c.charCodeAt(0));
}

export function nodeSign(privateKeyPem: string, text: string): string {
  return node.createSign("RSA-SHA256").update(text, "utf8").sign(privateKeyPem, "base64");
}

export function nodeVerify(publicKeyPem: string, text: string, signature: string): boolean {
  return node.createVerify("RSA-SHA256").update(text, "utf8").verify(publicKeyPem, signature, "base64");
}

/** The signing string restated from Alipay's documentation, to check requests independently. */
export function documentedSigningString(params: URLSearchParams): string {
  return [...params]
    .filter(([key, value]) => key !== "sign" && value !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
}

/** A body as Alipay sends it: `inner` is raw JSON text, signed exactly as written. */
export function signedBody(responseKey: string, inner: string, signer = ALIPAY_KEYS.pkcs8): string {
  return `{"${responseKey}":${inner},"sign":"${nodeSign(signer, inner)}"}`;
}

export const responseKey = (method: string) => `${method.replaceAll(".", "_")}_response`;

export type GatewayRequest = { url: string; method: string; contentType: string | null; params: URLSearchParams; biz: Record<string, unknown> };

/** A gateway that decodes each request as Alipay would and answers with `answer(request)`. */
export function fakeAlipay(answer: (request: GatewayRequest) => string | Response) {
  const requests: GatewayRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const wire = new Request(input, init);
    const params = new URLSearchParams(await wire.text());
    const biz: Record<string, unknown> = JSON.parse(params.get("biz_content") ?? "{}");
    const request = { url: wire.url, method: wire.method, contentType: wire.headers.get("Content-Type"), params, biz };
    requests.push(request);
    const reply = answer(request);
    return typeof reply === "string" ? new Response(reply, { headers: { "Content-Type": "text/html;charset=utf-8" } }) : reply;
  };
  return { fetch, requests };
}

export function alipaySettings(fetch: typeof globalThis.fetch, overrides: Partial<AlipaySettings> = {}): AlipaySettings {
  return { appId: "2021000000000000", appPrivateKey: APP_KEYS.pkcs8, alipayPublicKey: ALIPAY_KEYS.spki, fetch, now: () => FIXED_NOW, ...overrides };
}
