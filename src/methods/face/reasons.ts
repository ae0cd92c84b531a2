// Every reason face can answer: the identity registry's 2-element check, the face check on the
// phone (browser or Alipay), and the shared ones.
import type { AlipayFaceReason } from "../../providers/alipay-face/index";
import type { FaceReason } from "../../providers/face/index";
import type { IdentityReason } from "../../providers/identity/index";
import { countedReason, type ReasonCatalogue, SHARED_REASONS } from "../../flow/reasons";

export const faceReasons = {
  ...SHARED_REASONS,
  id_not_found: countedReason("id_not_found"),
  id_expired: countedReason("id_expired", "end"),
  liveness_failed: countedReason("liveness_failed"),
  face_mismatch: countedReason("face_mismatch"),
  not_passed: countedReason("not_passed"),
} as const satisfies ReasonCatalogue<IdentityReason | FaceReason | AlipayFaceReason | keyof typeof SHARED_REASONS>;
