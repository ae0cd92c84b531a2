// Alipay's public-key-certificate mode (公钥证书模式), required by its fund APIs: every request
// names the app's certificate and Alipay's root chain by SN, and Alipay's public key comes from
// its own certificate (alipayCertPublicKey_RSA2.crt), whose SN an answer may name. Worked out once
// per isolate from the configured certificates; an unreadable one is null, never a throw.
import { toBase64 } from "../../crypto/encoding";
import { importAlipayPublicKey } from "./keys";
import { certificateFacts, pemCertificates, rootChainSn } from "./x509";

/** The three files Alipay's open platform hands out for certificate mode, as PEM text. */
export interface AlipayCertificates {
  appCert: string;
  alipayCert: string;
  rootCert: string;
}

export interface CertMode {
  appCertSn: string;
  rootCertSn: string;
  alipayCertSn: string;
  publicKey: CryptoKey;
}

const modes = new Map<string, Promise<CertMode | null>>();

async function load(certs: AlipayCertificates): Promise<CertMode | null> {
  const [app] = pemCertificates(certs.appCert);
  const [alipay] = pemCertificates(certs.alipayCert);
  const appFacts = app && certificateFacts(app);
  const alipayFacts = alipay && certificateFacts(alipay);
  const rootCertSn = rootChainSn(certs.rootCert);
  if (!appFacts || !alipayFacts || !rootCertSn) return null;
  const publicKey = await importAlipayPublicKey(toBase64(alipayFacts.spki));
  return publicKey ? { appCertSn: appFacts.sn, rootCertSn, alipayCertSn: alipayFacts.sn, publicKey } : null;
}

export function certModeOf(certs: AlipayCertificates): Promise<CertMode | null> {
  // Keyed by the certificates' text: the configured handful, never anything from a request.
  const key = `${certs.appCert}\n${certs.alipayCert}\n${certs.rootCert}`;
  let mode = modes.get(key);
  if (!mode) {
    mode = load(certs);
    modes.set(key, mode);
  }
  return mode;
}
