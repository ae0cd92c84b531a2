// The test-mode twin of Alipay face: the same magic names as the face sandbox decide the verdict,
// so docs/sandbox.md has one table for both. It never calls out.
import { sandboxSerial, sandboxUnavailable, sandboxVerdict } from "../sandbox-answer";
import { SANDBOX_NAMES } from "../sandbox-values";
import type { AlipayFaceProvider, AlipayFaceReason } from "./index";

export function sandboxAlipayFace(): AlipayFaceProvider {
  return {
    async certify({ name, idNumber }) {
      if (name === SANDBOX_NAMES.unavailable) return sandboxUnavailable();
      const reason: AlipayFaceReason | undefined =
        name === SANDBOX_NAMES.livenessFailed ? "liveness_failed" : name === SANDBOX_NAMES.faceMismatch || name === SANDBOX_NAMES.nameIdMismatch ? "face_mismatch" : undefined;
      return sandboxVerdict(reason, await sandboxSerial("alipay_face", { name, idNumber }));
    },
  };
}
