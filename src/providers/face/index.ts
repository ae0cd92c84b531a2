// The face port: liveness on a short clip of prompted actions, then comparison of the face with
// the registry photo for the name and ID number. It must never keep the clip; the caller decides
// how long (if at all) a clip lives, and the answer carries only the outcome and the serial.
import type { ProviderAnswer } from "../answer";

/** The prompted actions the real adapter can check; the phone page should ask for two of these. */
export const LIVENESS_ACTIONS = ["open_mouth", "blink"] as const;

export type LivenessQuery = {
  name: string;
  idNumber: string;
  clip: Uint8Array;
  /** The clip's MIME type, e.g. video/mp4. */
  clipType: string;
  /** The actions the applicant was prompted for, in order. */
  expectedActions: string[];
};

export type FaceReason = "liveness_failed" | "face_mismatch";

export type FaceAnswer = ProviderAnswer<FaceReason>;

export interface FaceProvider {
  checkLiveness(query: LivenessQuery): Promise<FaceAnswer>;
}
