// The test-mode twin of Alipay face. `start` decides the verdict from the same magic names as the
// face sandbox (docs/sandbox.md has one table for both) and writes it into the certify_id, so
// `query` needs no store. Its certify URL is our own stand-in page for the Alipay app, which
// sends the phone back to the return URL as Alipay would. It never calls out.
import { randomString } from "../../crypto/random";
import { unavailable } from "../answer";
import { faceReasonForName } from "../face/sandbox";
import { SANDBOX_PROVIDER, sandboxSerial, sandboxUnavailable, sandboxVerdict } from "../sandbox-answer";
import { SANDBOX_NAMES } from "../sandbox-values";
import type { AlipayFaceProvider, AlipayFaceReason } from "./index";

/** The stand-in for the Alipay app, served by the phone routes in test mode only. */
export const SANDBOX_CERTIFY_PATH = "/p/alipay/sandbox";

// The letter in a sandbox certify_id: pass, liveness_failed, face_mismatch, or a query that is unavailable.
const VERDICT_CODES = { pass: "p", liveness_failed: "l", face_mismatch: "m", query_unavailable: "u" } as const;
type Verdict = keyof typeof VERDICT_CODES;
const VERDICT_BY_CODE = new Map(Object.entries(VERDICT_CODES).map(([verdict, code]) => [code as string, verdict as Verdict]));
const CERTIFY_ID = new RegExp(`^sbx-([${Object.values(VERDICT_CODES).join("")}])-[0-9A-Za-z]{20}$`);

export function isSandboxCertifyId(certifyId: string): boolean {
  return CERTIFY_ID.test(certifyId);
}

function verdictFor(name: string): Verdict {
  if (name === SANDBOX_NAMES.alipayQueryUnavailable) return "query_unavailable";
  return faceReasonForName(name) ?? "pass";
}

function sandboxCertifyUrl(certifyId: string, returnUrl: string): string {
  const url = new URL(SANDBOX_CERTIFY_PATH, returnUrl);
  url.searchParams.set("certify_id", certifyId);
  url.searchParams.set("return_url", returnUrl);
  return url.toString();
}

export function sandboxAlipayFace(): AlipayFaceProvider {
  return {
    async start({ name, returnUrl }) {
      if (name === SANDBOX_NAMES.unavailable || name === SANDBOX_NAMES.alipayUnavailable) return sandboxUnavailable();
      const certifyId = `sbx-${VERDICT_CODES[verdictFor(name)]}-${randomString(20)}`;
      return { outcome: "started", provider: SANDBOX_PROVIDER, serial: sandboxSerial(), certifyId, certifyUrl: sandboxCertifyUrl(certifyId, returnUrl) };
    },
    async certifyUrl(certifyId, returnUrl) {
      return sandboxCertifyUrl(certifyId, returnUrl);
    },
    async query(certifyId) {
      const verdict = VERDICT_BY_CODE.get(CERTIFY_ID.exec(certifyId)?.[1] ?? "");
      // An id the sandbox never issued is what Alipay calls OPEN_CERTIFY_BILL_NOT_EXIST: not a verdict.
      if (!verdict) return unavailable(SANDBOX_PROVIDER, "OPEN_CERTIFY_BILL_NOT_EXIST");
      if (verdict === "query_unavailable") return sandboxUnavailable();
      return sandboxVerdict<AlipayFaceReason>(verdict === "pass" ? undefined : verdict);
    },
  };
}
