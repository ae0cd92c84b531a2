// The test-mode twin of Alipay face. `start` decides the verdict from the same magic names as the
// face sandbox (docs/sandbox.md has one table for both) and writes it into the certify_id, so
// `query` needs no store. Its certify URL is our own stand-in page for the Alipay app, which
// sends the phone back to the return URL as Alipay would. It never calls out.
import { randomString } from "../../crypto/random";
import { SANDBOX_PROVIDER, sandboxSerial, sandboxUnavailable, sandboxVerdict } from "../sandbox-answer";
import { SANDBOX_NAMES } from "../sandbox-values";
import type { AlipayFaceProvider, AlipayFaceReason } from "./index";

/** The stand-in for the Alipay app, served by the phone routes in test mode only. */
export const SANDBOX_CERTIFY_PATH = "/p/alipay/sandbox";

// The letter in a sandbox certify_id: pass, liveness_failed, face_mismatch, or a query that is unavailable.
const VERDICT_CODES = { pass: "p", liveness_failed: "l", face_mismatch: "m", query_unavailable: "u" } as const;
const CERTIFY_ID = /^sbx-([plmu])-[0-9A-Za-z]{20}$/;

export function isSandboxCertifyId(certifyId: string): boolean {
  return CERTIFY_ID.test(certifyId);
}

function verdictFor(name: string): "liveness_failed" | "face_mismatch" | "query_unavailable" | undefined {
  if (name === SANDBOX_NAMES.alipayQueryUnavailable) return "query_unavailable";
  if (name === SANDBOX_NAMES.livenessFailed) return "liveness_failed";
  if (name === SANDBOX_NAMES.faceMismatch || name === SANDBOX_NAMES.nameIdMismatch) return "face_mismatch";
  return undefined;
}

function sandboxCertifyUrl(certifyId: string, returnUrl: string): string {
  const url = new URL(SANDBOX_CERTIFY_PATH, returnUrl);
  url.searchParams.set("certify_id", certifyId);
  url.searchParams.set("return_url", returnUrl);
  return url.toString();
}

export function sandboxAlipayFace(): AlipayFaceProvider {
  return {
    async start({ name, idNumber, returnUrl }) {
      if (name === SANDBOX_NAMES.unavailable || name === SANDBOX_NAMES.alipayUnavailable) return sandboxUnavailable();
      const certifyId = `sbx-${VERDICT_CODES[verdictFor(name) ?? "pass"]}-${randomString(20)}`;
      return { outcome: "started", provider: SANDBOX_PROVIDER, serial: sandboxSerial(), certifyId, certifyUrl: sandboxCertifyUrl(certifyId, returnUrl) };
    },
    async certifyUrl(certifyId, returnUrl) {
      return sandboxCertifyUrl(certifyId, returnUrl);
    },
    async query(certifyId) {
      const code = CERTIFY_ID.exec(certifyId)?.[1];
      const serial = sandboxSerial();
      // An id the sandbox never issued is what Alipay calls OPEN_CERTIFY_BILL_NOT_EXIST: not a verdict.
      if (!code) return { outcome: "unavailable", provider: SANDBOX_PROVIDER, detail: "OPEN_CERTIFY_BILL_NOT_EXIST" };
      if (code === "u") return sandboxUnavailable();
      const reason = code === "l" ? "liveness_failed" : code === "m" ? "face_mismatch" : undefined;
      return sandboxVerdict<AlipayFaceReason>(reason, serial);
    },
  };
}
