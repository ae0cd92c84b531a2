// The face contract: one table of cases, run against the sandbox (steered by magic names and the
// clip's shape) and against the Tencent Cloud adapter (fed the recorded LivenessRecognition response).
import { describe, it } from "vitest";
import type { FaceReason, LivenessQuery } from "../../../../src/providers/face/index";
import { sandboxFace } from "../../../../src/providers/face/sandbox";
import { tencentCloudFace } from "../../../../src/providers/face/tencentcloud";
import { SANDBOX_NAMES, TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import { expectAnswer, recordedRequestId, SANDBOX_SERIAL, type Expected } from "../contract";
import livenessFailed from "../fixtures/tencentcloud/LivenessRecognition.liveness_failed.json";
import lowSimSuccess from "../fixtures/tencentcloud/LivenessRecognition.low_sim_success.json";
import lowSimilarity from "../fixtures/tencentcloud/LivenessRecognition.low_similarity.json";
import match from "../fixtures/tencentcloud/LivenessRecognition.match.json";
import systemError from "../fixtures/tencentcloud/LivenessRecognition.system_error.json";
import { replay, settingsWith } from "../recorded-fetch";

const [, , wang] = TEST_IDENTITIES;
const CLIP = new Uint8Array([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70]);
const query: LivenessQuery = {
  name: wang.name,
  idNumber: wang.idNumber,
  clip: CLIP,
  clipType: "video/mp4",
  expectedActions: ["blink", "open_mouth"],
};

const cases: { title: string; expected: Expected<FaceReason>; sandbox: LivenessQuery; recorded: { Response: { RequestId: string } } }[] = [
  { title: "a live face that is the registry's", expected: { outcome: "match" }, sandbox: query, recorded: match },
  {
    title: "a replayed video",
    expected: { outcome: "no_match", reason: "liveness_failed" },
    sandbox: { ...query, name: SANDBOX_NAMES.livenessFailed },
    recorded: livenessFailed,
  },
  {
    title: "someone else's face",
    expected: { outcome: "no_match", reason: "face_mismatch" },
    sandbox: { ...query, name: SANDBOX_NAMES.faceMismatch },
    recorded: lowSimilarity,
  },
  {
    title: "a vendor 'Success' below the same-person threshold",
    expected: { outcome: "no_match", reason: "face_mismatch" },
    sandbox: { ...query, name: SANDBOX_NAMES.nameIdMismatch },
    recorded: lowSimSuccess,
  },
  {
    title: "a liveness engine error",
    expected: { outcome: "unavailable" },
    sandbox: { ...query, name: SANDBOX_NAMES.unavailable },
    recorded: systemError,
  },
];

describe("face contract: sandbox", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ expected, sandbox }) => {
    expectAnswer(await sandboxFace().checkLiveness(sandbox), expected, SANDBOX_SERIAL);
  });

  it.each([
    ["an empty clip", { ...query, clip: new Uint8Array() }],
    ["one prompted action", { ...query, expectedActions: ["blink"] }],
    ["three prompted actions", { ...query, expectedActions: ["blink", "open_mouth", "blink"] }],
  ])("should fail liveness for %s", async (_title, sandbox) => {
    expectAnswer(await sandboxFace().checkLiveness(sandbox), { outcome: "no_match", reason: "liveness_failed" }, SANDBOX_SERIAL);
  });
});

describe("face contract: tencentcloud", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ expected, recorded }) => {
    const provider = tencentCloudFace(settingsWith(replay(recorded).fetch));
    expectAnswer(await provider.checkLiveness(query), expected, recordedRequestId(recorded));
  });
});
