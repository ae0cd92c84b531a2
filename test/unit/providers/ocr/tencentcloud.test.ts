// The Tencent Cloud OCR adapter beyond the shared contract: the request it sends, the error codes
// documented for IDCardOCR, the validity date format, and transport failures.
import { describe, expect, it } from "vitest";
import { parseValidDate, tencentCloudOcr } from "../../../../src/providers/ocr/tencentcloud";
import front from "../fixtures/tencentcloud/IDCardOCR.front.json";
import { errorBody, replay, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";

const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);

describe("tencentCloudOcr", () => {
  it("should POST a signed IDCardOCR with the image in base64 and the card side", async () => {
    const { fetch, sent } = replay(front);
    await tencentCloudOcr(settingsWith(fetch)).readIdCard({ side: "front", image: PHOTO, contentType: "image/jpeg" });

    const [request] = sent;
    expect(request?.url).toBe("https://ocr.tencentcloudapi.com/");
    expect(request?.headers.get("X-TC-Action")).toBe("IDCardOCR");
    expect(request?.headers.get("X-TC-Version")).toBe("2018-11-19");
    expect(request?.headers.get("Authorization")).toContain("/ocr/tc3_request");
    expect(request?.body).toEqual({ ImageBase64: "/9j/4AAQSkY=", CardSide: "FRONT" });
  });

  it("should ask for the BACK side for the emblem side", async () => {
    const { fetch, sent } = replay(front);
    await tencentCloudOcr(settingsWith(fetch)).readIdCard({ side: "back", image: PHOTO, contentType: "image/jpeg" });
    expect(sent[0]?.body).toMatchObject({ CardSide: "BACK" });
  });

  it.each([
    ["FailedOperation.DownLoadError", "unavailable"],
    ["FailedOperation.EmptyImageError", "unreadable"],
    ["FailedOperation.IdCardInfoIllegal", "unreadable"],
    ["FailedOperation.ImageBlur", "unreadable"],
    ["FailedOperation.ImageDecodeFailed", "unreadable"],
    ["FailedOperation.ImageNoIdCard", "unreadable"],
    ["FailedOperation.ImageSizeTooLarge", "unreadable"],
    ["FailedOperation.MultiCardError", "unreadable"],
    ["FailedOperation.OcrFailed", "unreadable"],
    ["FailedOperation.UnKnowError", "unavailable"],
    ["FailedOperation.UnOpenError", "unavailable"],
    ["InvalidParameter.ConfigFormatError", "unavailable"],
    ["InvalidParameterValue.InvalidParameterValueLimit", "unavailable"],
    ["LimitExceeded.TooLargeFileError", "unreadable"],
    ["ResourcesSoldOut.ChargeStatusException", "unavailable"],
  ])("should map documented error %s to %s", async (code, expected) => {
    const reply = replay(errorBody(code, "req-1"));
    const answer = await tencentCloudOcr(settingsWith(reply.fetch)).readIdCard({ side: "front", image: PHOTO, contentType: "image/jpeg" });
    if (expected === "unavailable") expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: code });
    else expect(answer).toEqual({ outcome: "no_match", reason: expected, provider: "tencentcloud", serial: "req-1" });
  });

  it("should answer unreadable when neither side's fields came back", async () => {
    const empty = { Response: { Name: "", IdNum: "", Authority: "", ValidDate: "", RequestId: "req-2" } };
    const answer = await tencentCloudOcr(settingsWith(replay(empty).fetch)).readIdCard({ side: "back", image: PHOTO, contentType: "image/jpeg" });
    expect(answer).toMatchObject({ outcome: "no_match", reason: "unreadable", serial: "req-2" });
  });

  it.each([
    ["2016.08.20-2036.08.20", { validFrom: "2016-08-20", validTo: "2036-08-20" }],
    ["2012.05.10-长期", { validFrom: "2012-05-10", validTo: "long_term" }],
    ["2016.08.20", undefined],
    ["2016/08/20-2036/08/20", undefined],
    ["", undefined],
  ])("should read the validity %j", (text, expected) => {
    expect(parseValidDate(text)).toEqual(expected);
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    const answer = await tencentCloudOcr(settingsWith(fetch(), timeoutMs)).readIdCard({ side: "front", image: PHOTO, contentType: "image/jpeg" });
    expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });
});
