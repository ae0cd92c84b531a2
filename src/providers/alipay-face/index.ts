// Alipay face (支付宝刷脸): the applicant does liveness and face comparison inside the Alipay app
// and we learn only the verdict. Two calls, as Alipay's identity-verification product has them:
// `start` registers the check for a name and ID number (alipay.user.certify.open.initialize) and
// returns the signed URL the phone opens in Alipay (alipay.user.certify.open.certify, signed here,
// not called); `query` asks for the verdict afterwards (alipay.user.certify.open.query).
import type { ProviderAnswer, UnavailableAnswer } from "../answer";

export type AlipayCertifyRequest = {
  name: string;
  idNumber: string;
  /** Our unique reference for this check at Alipay: 32 letters and digits at most. */
  outerOrderNo: string;
  /** Where Alipay sends the phone when the check ends, passed or not. */
  returnUrl: string;
};

/** `serial` is Alipay's certify_id (or the sandbox's), kept with the verification for tracing. */
export type AlipayCertifyStart = { outcome: "started"; provider: string; serial: string; certifyId: string; certifyUrl: string } | UnavailableAnswer;

/**
 * `not_passed` is all Alipay tells: its query answers passed "F" both for a failed check and for
 * one not finished yet, and shows the reason only to the applicant in the app. The sandbox can
 * be more specific, as the phone-browser face sandbox is.
 */
export type AlipayFaceReason = "not_passed" | "liveness_failed" | "face_mismatch";
export type AlipayFaceAnswer = ProviderAnswer<AlipayFaceReason>;

export interface AlipayFaceProvider {
  start(request: AlipayCertifyRequest): Promise<AlipayCertifyStart>;
  /**
   * The certify URL of a registered check, signed now: it carries its signing time, so one kept
   * from `start` may be stale by the time a phone reopens it. `returnUrl` is the one it was
   * registered with (only the sandbox, which registered nothing, needs it).
   */
  certifyUrl(certifyId: string, returnUrl: string): Promise<string | UnavailableAnswer>;
  query(certifyId: string): Promise<AlipayFaceAnswer>;
}

/** Alipay's own scheme, so a QR code scanned by the system camera can still open the check in the app. */
export function alipayAppLink(certifyUrl: string): string {
  return `alipays://platformapi/startapp?appId=20000067&url=${encodeURIComponent(certifyUrl)}`;
}
