// The test-mode twin of liveness and face comparison for test mode. It passes any non-empty
// clip prompted with exactly two actions, as the phone page asks for, unless a magic name in
// sandbox-values.ts steers it. It must never inspect the clip's content, call out or keep it.
import { sandboxUnavailable, sandboxVerdict } from "../sandbox-answer";
import { SANDBOX_NAMES } from "../sandbox-values";
import type { FaceProvider, FaceReason, LivenessQuery } from "./index";

const PROMPTED_ACTIONS = 2;

export function sandboxFace(): FaceProvider {
  return {
    async checkLiveness(query) {
      if (query.name === SANDBOX_NAMES.unavailable) return sandboxUnavailable();
      return sandboxVerdict(reasonFor(query));
    },
  };
}

function reasonFor({ name, clip, expectedActions }: LivenessQuery): FaceReason | undefined {
  if (clip.length === 0 || expectedActions.length !== PROMPTED_ACTIONS) return "liveness_failed";
  return faceReasonForName(name);
}

/** The magic names of face checks, shared with the Alipay face sandbox so one table documents both. */
export function faceReasonForName(name: string): FaceReason | undefined {
  if (name === SANDBOX_NAMES.livenessFailed) return "liveness_failed";
  if (name === SANDBOX_NAMES.faceMismatch || name === SANDBOX_NAMES.nameIdMismatch) return "face_mismatch";
  return undefined;
}
