// The deterministic twin of liveness and face comparison for test mode. It passes any non-empty
// clip prompted with exactly two actions, as the phone page asks for, unless a magic name in
// sandbox-values.ts steers it. It must never inspect the clip's content, call out or keep it.
import { sandboxSerial, sandboxUnavailable, sandboxVerdict } from "../sandbox-answer";
import { SANDBOX_NAMES } from "../sandbox-values";
import type { FaceProvider, FaceReason, LivenessQuery } from "./index";

const PROMPTED_ACTIONS = 2;

export function sandboxFace(): FaceProvider {
  return {
    async checkLiveness(query) {
      if (query.name === SANDBOX_NAMES.unavailable) return sandboxUnavailable();
      const fields = { name: query.name, idNumber: query.idNumber, clipType: query.clipType, expectedActions: query.expectedActions };
      return sandboxVerdict(reasonFor(query), sandboxSerial());
    },
  };
}

function reasonFor({ name, clip, expectedActions }: LivenessQuery): FaceReason | undefined {
  if (clip.length === 0 || expectedActions.length !== PROMPTED_ACTIONS) return "liveness_failed";
  if (name === SANDBOX_NAMES.livenessFailed) return "liveness_failed";
  if (name === SANDBOX_NAMES.faceMismatch || name === SANDBOX_NAMES.nameIdMismatch) return "face_mismatch";
  return undefined;
}
