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

const VERDICT_CODES = { pass: "p", liveness_failed: "l", face_mismatch: "m" } as const;
const CERTIFY_ID = /^sbx-([plm])-[0-9A-Za-z]{20}$/;

export function isSandboxCertifyId(certifyId: string): boolean {
  return CERTIFY_ID.test(certifyId);
}

function verdictFor(name: string): "liveness_failed" | "face_mismatch" | undefined {
  if (name === SANDBOX_NAMES.livenessFailed) return "liveness_failed";
  if (name === SANDBOX_NAMES.faceMismatch || name === SANDBOX_NAMES.nameIdMismatch) return "face_mismatch";
  return undefined;
}

export function sandboxAlipayFace(): AlipayFaceProvider {
  return {
    async start({ name, idNumber, returnUrl }) {
      if (name === SANDBOX_NAMES.unavailable || name === SANDBOX_NAMES.alipayUnavailable) return sandboxUnavailable();
      const certifyId = `sbx-${VERDICT_CODES[verdictFor(name) ?? "pass"]}-${randomString(20)}`;
      const certifyUrl = new URL(SANDBOX_CERTIFY_PATH, returnUrl);
      certifyUrl.searchParams.set("certify_id", certifyId);
      certifyUrl.searchParams.set("return_url", returnUrl);
      return { outcome: "started", provider: SANDBOX_PROVIDER, serial: await sandboxSerial("alipay_face", { name, idNumber }), certifyId, certifyUrl: certifyUrl.toString() };
    },
    async query(certifyId) {
      const code = CERTIFY_ID.exec(certifyId)?.[1];
      const serial = await sandboxSerial("alipay_face", { certifyId });
      // An id the sandbox never issued is what Alipay calls OPEN_CERTIFY_BILL_NOT_EXIST: not a verdict.
      if (!code) return { outcome: "unavailable", provider: SANDBOX_PROVIDER, detail: "OPEN_CERTIFY_BILL_NOT_EXIST" };
      const reason = code === "l" ? "liveness_failed" : code === "m" ? "face_mismatch" : undefined;
      return sandboxVerdict<AlipayFaceReason>(reason, serial);
    },
  };
}
