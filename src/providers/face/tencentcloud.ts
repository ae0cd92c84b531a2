// Liveness and face comparison through Tencent Cloud FaceID `LivenessRecognition` (2018-03-01):
// action liveness on the clip, then the face against the registry photo for the name and ID.
// Failures come back as FailedOperation codes, in `Result` or in `Response.Error`, mapped below.
// It must never log or keep the clip, the name or the ID number.
import { z } from "zod";
import { unavailable } from "../answer";
import { toBase64 } from "../tencentcloud/base64";
import { callTencentCloud, TENCENTCLOUD_PROVIDER, type TencentCloudSettings } from "../tencentcloud/client";
import { answerFor, MATCH, noMatch, UNAVAILABLE, type ResultRule } from "../tencentcloud/result-codes";
import type { FaceProvider, FaceReason } from "./index";

// The vendor's action codes (from its action-sequence API): 1 is open the mouth, 2 close the eyes.
export const TENCENT_ACTION_CODES: Readonly<Record<string, string>> = {
  open_mouth: "1",
  blink: "2",
  close_eyes: "2",
};

// The vendor recommends 70 as the same-person threshold (one false accept in a thousand). A
// "Success" below it is treated as a mismatch rather than trusted blindly.
export const SAME_PERSON_SIMILARITY = 70;

// The containers the vendor decodes. Browsers often record WebM, which it does not: sending one
// would fail the applicant's attempt for our format choice, so it is refused before the call.
export const SUPPORTED_CLIP_TYPES: ReadonlySet<string> = new Set(["video/mp4", "video/avi", "video/x-msvideo", "video/x-flv"]);

const livenessFailed = noMatch<FaceReason>("liveness_failed");
const faceMismatch = noMatch<FaceReason>("face_mismatch");

// Everything the applicant can fix by recording again is liveness_failed. A registry without a
// usable photo is unavailable: no retry by the applicant can fix it, but it is not their failure.
export const LIVENESS_RECOGNITION_RESULTS: Readonly<Record<string, ResultRule<FaceReason>>> = {
  Success: MATCH,
  "FailedOperation.ActionCloseEye": livenessFailed,
  "FailedOperation.ActionFaceClose": livenessFailed,
  "FailedOperation.ActionFaceFar": livenessFailed,
  "FailedOperation.ActionFaceLeft": livenessFailed,
  "FailedOperation.ActionFaceRight": livenessFailed,
  "FailedOperation.ActionFirstAction": livenessFailed,
  "FailedOperation.ActionLightDark": livenessFailed,
  "FailedOperation.ActionLightStrong": livenessFailed,
  "FailedOperation.ActionNodetectFace": livenessFailed,
  "FailedOperation.ActionOpenMouth": livenessFailed,
  "FailedOperation.LifePhotoDetectFaces": livenessFailed,
  "FailedOperation.LifePhotoDetectFake": livenessFailed,
  "FailedOperation.LifePhotoDetectNoFaces": livenessFailed,
  "FailedOperation.LifePhotoPoorQuality": livenessFailed,
  "FailedOperation.LifePhotoSizeError": livenessFailed,
  "FailedOperation.LipFaceIncomplete": livenessFailed,
  "FailedOperation.LipMoveSmall": livenessFailed,
  "FailedOperation.LipSizeError": livenessFailed,
  "FailedOperation.LipVideoInvalid": livenessFailed,
  "FailedOperation.LipVideoQuaility": livenessFailed,
  "FailedOperation.LipVoiceDetect": livenessFailed,
  "FailedOperation.LipVoiceLow": livenessFailed,
  "FailedOperation.LipVoiceRecognize": livenessFailed,
  "FailedOperation.LivessBestFrameError": livenessFailed,
  "FailedOperation.LivessDetectFail": livenessFailed,
  "FailedOperation.LivessDetectFake": livenessFailed,
  "FailedOperation.LivessUnknownError": livenessFailed,
  "FailedOperation.SilentDetectFail": livenessFailed,
  "FailedOperation.SilentEyeLiveFail": livenessFailed,
  "FailedOperation.SilentFaceDetectFail": livenessFailed,
  "FailedOperation.SilentFaceQualityFail": livenessFailed,
  "FailedOperation.SilentFaceWithMaskFail": livenessFailed,
  "FailedOperation.SilentMouthLiveFail": livenessFailed,
  "FailedOperation.SilentMultiFaceFail": livenessFailed,
  "FailedOperation.SilentPictureLiveFail": livenessFailed,
  "FailedOperation.SilentThreshold": livenessFailed,
  "FailedOperation.SilentTooShort": livenessFailed,
  "FailedOperation.CompareFail": faceMismatch,
  "FailedOperation.CompareLowSimilarity": faceMismatch,
  "FailedOperation.IdNameMisMatch": faceMismatch, // the claimed identity is not this name and ID
  "FailedOperation.VerificationFail": faceMismatch,
  "FailedOperation.IdNoExistSystem": UNAVAILABLE, // no such ID number in the registry
  "FailedOperation.IdPhotoNoExist": UNAVAILABLE, // the registry holds no photo for it
  "FailedOperation.IdPhotoPoorQuality": UNAVAILABLE, // the registry photo is too poor to compare
  "FailedOperation.IdPhotoSystemNoanswer": UNAVAILABLE,
  "FailedOperation.CompareSystemError": UNAVAILABLE,
  "FailedOperation.LivessSystemError": UNAVAILABLE,
  "FailedOperation.LipNetFailed": UNAVAILABLE,
  "FailedOperation.DbError": UNAVAILABLE,
  "FailedOperation.DecryptSystemError": UNAVAILABLE,
  "FailedOperation.DownLoadError": UNAVAILABLE,
  "FailedOperation.FileSaveError": UNAVAILABLE,
  "FailedOperation.RequestLimitExceeded": UNAVAILABLE,
  "FailedOperation.StsUnAuthErrError": UNAVAILABLE,
  "FailedOperation.UnKnown": UNAVAILABLE,
  // Our validators ran first, so a format complaint here is our bug, not the applicant's.
  "FailedOperation.IdFormatError": UNAVAILABLE,
  "FailedOperation.NameFormatError": UNAVAILABLE,
};

const resultSchema = z.object({ Result: z.string(), Sim: z.number().nullish() });

export function tencentCloudFace(settings: TencentCloudSettings): FaceProvider {
  return {
    async checkLiveness({ name, idNumber, clip, clipType, expectedActions }) {
      if (!SUPPORTED_CLIP_TYPES.has(clipType.split(";", 1)[0]?.trim().toLowerCase() ?? "")) {
        return unavailable(TENCENTCLOUD_PROVIDER, "unsupported_clip_type");
      }
      const codes = expectedActions.map((action) => TENCENT_ACTION_CODES[action]);
      if (codes.some((code) => code === undefined)) return unavailable(TENCENTCLOUD_PROVIDER, "unsupported_action");
      const reply = await callTencentCloud({
        ...settings,
        service: "faceid",
        action: "LivenessRecognition",
        version: "2018-03-01",
        payload: {
          IdCard: idNumber,
          Name: name,
          LivenessType: "ACTION",
          VideoBase64: toBase64(clip),
          ValidateData: codes.join(","),
        },
      });
      if (reply.outcome === "unavailable") return reply;
      if (reply.error) return answerFor(LIVENESS_RECOGNITION_RESULTS[reply.error.code], reply.requestId, reply.error.code);
      const parsed = resultSchema.safeParse(reply.body);
      if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
      const { Result, Sim } = parsed.data;
      const rule = Result === "Success" && Sim != null && Sim < SAME_PERSON_SIMILARITY ? faceMismatch : LIVENESS_RECOGNITION_RESULTS[Result];
      return answerFor(rule, reply.requestId, Result);
    },
  };
}
