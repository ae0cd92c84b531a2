// The Tencent Cloud face adapter beyond the shared contract: the request it sends, the action
// codes, the clip types it refuses before calling, every documented FailedOperation code, and
// transport failures.
import { describe, expect, it } from "vitest";
import { LIVENESS_ACTIONS } from "../../../../src/providers/face/index";
import { LIVENESS_RECOGNITION_RESULTS, TENCENT_ACTION_CODES, tencentCloudFace } from "../../../../src/providers/face/tencentcloud";
import { TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import match from "../fixtures/tencentcloud/LivenessRecognition.match.json";
import { errorBody, replay, resultBody, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";

const [, , wang] = TEST_IDENTITIES;
const query = {
  name: wang.name,
  idNumber: wang.idNumber,
  clip: new Uint8Array([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70]),
  clipType: "video/mp4",
  expectedActions: ["blink", "open_mouth"],
};

// The FailedOperation codes documented for FaceID, by the outcome they mean here.
const LIVENESS = [
  "ActionCloseEye",
  "ActionFaceClose",
  "ActionFaceFar",
  "ActionFaceLeft",
  "ActionFaceRight",
  "ActionFirstAction",
  "ActionLightDark",
  "ActionLightStrong",
  "ActionNodetectFace",
  "ActionOpenMouth",
  "LifePhotoDetectFaces",
  "LifePhotoDetectFake",
  "LifePhotoDetectNoFaces",
  "LifePhotoPoorQuality",
  "LifePhotoSizeError",
  "LipFaceIncomplete",
  "LipMoveSmall",
  "LipSizeError",
  "LipVideoInvalid",
  "LipVideoQuaility",
  "LipVoiceDetect",
  "LipVoiceLow",
  "LipVoiceRecognize",
  "LivessBestFrameError",
  "LivessDetectFail",
  "LivessDetectFake",
  "LivessUnknownError",
  "SilentDetectFail",
  "SilentEyeLiveFail",
  "SilentFaceDetectFail",
  "SilentFaceQualityFail",
  "SilentFaceWithMaskFail",
  "SilentMouthLiveFail",
  "SilentMultiFaceFail",
  "SilentPictureLiveFail",
  "SilentThreshold",
  "SilentTooShort",
].map((code) => `FailedOperation.${code}`);
const MISMATCH = ["CompareFail", "CompareLowSimilarity", "IdNameMisMatch", "VerificationFail"].map((code) => `FailedOperation.${code}`);
const UNAVAILABLE = [
  "IdNoExistSystem",
  "IdPhotoNoExist",
  "IdPhotoPoorQuality",
  "IdPhotoSystemNoanswer",
  "CompareSystemError",
  "LivessSystemError",
  "LipNetFailed",
  "DbError",
  "DecryptSystemError",
  "DownLoadError",
  "FileSaveError",
  "RequestLimitExceeded",
  "StsUnAuthErrError",
  "UnKnown",
  "IdFormatError",
  "NameFormatError",
].map((code) => `FailedOperation.${code}`);

describe("tencentCloudFace", () => {
  it("should POST a signed LivenessRecognition in ACTION mode with the clip and action sequence", async () => {
    const { fetch, sent } = replay(match);
    await tencentCloudFace(settingsWith(fetch)).checkLiveness(query);

    const [request] = sent;
    expect(request?.url).toBe("https://faceid.tencentcloudapi.com/");
    expect(request?.headers.get("X-TC-Action")).toBe("LivenessRecognition");
    expect(request?.headers.get("X-TC-Version")).toBe("2018-03-01");
    expect(request?.body).toEqual({
      IdCard: wang.idNumber,
      Name: wang.name,
      LivenessType: "ACTION",
      VideoBase64: "AAAAGGZ0eXA=",
      ValidateData: "2,1",
    });
  });

  it("should know a vendor code for every action the phone page may prompt", () => {
    for (const action of LIVENESS_ACTIONS) expect(TENCENT_ACTION_CODES[action]).toMatch(/^[12]$/);
  });

  it.each(["shake_head", "nod"])("should not call the vendor for the unsupported action %s", async (action) => {
    const { fetch, sent } = replay(match);
    const answer = await tencentCloudFace(settingsWith(fetch)).checkLiveness({ ...query, expectedActions: ["blink", action] });
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "unsupported_action" });
    expect(sent).toHaveLength(0);
  });

  it.each(["video/webm", "video/quicktime", ""])("should not call the vendor for the clip type %j", async (clipType) => {
    const { fetch, sent } = replay(match);
    const answer = await tencentCloudFace(settingsWith(fetch)).checkLiveness({ ...query, clipType });
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "unsupported_clip_type" });
    expect(sent).toHaveLength(0);
  });

  it("should accept a clip type with parameters", async () => {
    const answer = await tencentCloudFace(settingsWith(replay(match).fetch)).checkLiveness({ ...query, clipType: "video/mp4; codecs=avc1" });
    expect(answer.outcome).toBe("match");
  });

  it.each([
    ...LIVENESS.map((code) => [code, { outcome: "no_match", reason: "liveness_failed" }] as const),
    ...MISMATCH.map((code) => [code, { outcome: "no_match", reason: "face_mismatch" }] as const),
    ...UNAVAILABLE.map((code) => [code, { outcome: "unavailable" }] as const),
  ])("should map %s, whether in Response.Error or in Result", async (code, expected) => {
    for (const body of [errorBody(code, "req-1"), resultBody(code, "req-1")]) {
      const answer = await tencentCloudFace(settingsWith(replay(body).fetch)).checkLiveness(query);
      expect(answer).toMatchObject(expected);
      if (answer.outcome !== "unavailable") expect(answer.serial).toBe("req-1");
    }
  });

  it("should cover exactly the documented codes", () => {
    expect(Object.keys(LIVENESS_RECOGNITION_RESULTS).sort()).toEqual(["Success", ...LIVENESS, ...MISMATCH, ...UNAVAILABLE].sort());
  });

  it("should trust a Success at or above the threshold", async () => {
    const body = resultBody("Success", "req-2", { Sim: 70 });
    expect(await tencentCloudFace(settingsWith(replay(body).fetch)).checkLiveness(query)).toMatchObject({ outcome: "match", serial: "req-2" });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    const answer = await tencentCloudFace(settingsWith(fetch(), timeoutMs)).checkLiveness(query);
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });
});
