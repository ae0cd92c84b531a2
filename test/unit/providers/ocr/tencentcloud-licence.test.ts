// The Tencent Cloud business licence adapter: the BizLicenseOCR request it sends (EnableCopyWarn, no
// PDF ever sent), how the response's fields and warning codes map, the documented error codes, and
// transport failures.
import { describe, expect, it } from "vitest";
import { tencentCloudOcr } from "../../../../src/providers/ocr/tencentcloud";
import { warningsOf } from "../../../../src/providers/ocr/tencentcloud-licence";
import licence from "../fixtures/tencentcloud/BizLicenseOCR.match.json";
import { errorBody, replay, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";

const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const read = (fetch: typeof globalThis.fetch, contentType = "image/jpeg", timeoutMs?: number) => tencentCloudOcr(settingsWith(fetch, timeoutMs)).readBusinessLicence({ image: PHOTO, contentType });

describe("tencentCloudOcr readBusinessLicence", () => {
  it("should POST a signed BizLicenseOCR with the image in base64 and copy warnings asked for", async () => {
    const { fetch, sent } = replay(licence);
    await read(fetch);
    const [request] = sent;
    expect(request?.url).toBe("https://ocr.tencentcloudapi.com/");
    expect(request?.headers.get("X-TC-Action")).toBe("BizLicenseOCR");
    expect(request?.headers.get("X-TC-Version")).toBe("2018-11-19");
    expect(request?.headers.get("Authorization")).toContain("/ocr/tc3_request");
    expect(request?.body).toEqual({ ImageBase64: "/9j/4AAQSkY=", EnableCopyWarn: true });
  });

  it("should answer the printed fields and the warnings", async () => {
    expect(await read(replay(licence).fetch)).toEqual({
      outcome: "match",
      provider: "tencentcloud",
      serial: "b7c1d2e3-4f50-4a6b-8c7d-9e0f1a2b3c01",
      name: "宁波示例科技有限公司",
      creditCode: "91330200MA2AAAAA0G",
      legalRepName: "李四",
      type: "有限责任公司(自然人投资或控股)",
      address: "浙江省宁波市海曙区示例路1号",
      registeredCapital: "人民币壹佰万元整",
      establishedOn: "2020年01月01日",
      businessTerm: "2020年01月01日至长期",
      warnings: ["duplicate", "reshoot"],
    });
  });

  it("should never send a PDF, which BizLicenseOCR cannot read", async () => {
    const { fetch, sent } = replay(licence);
    expect(await read(fetch, "application/pdf")).toMatchObject({ outcome: "no_match", reason: "unsupported_file" });
    expect(sent).toHaveLength(0);
  });

  it.each([
    [{ RecognizeWarnCode: [-9102] }, ["photocopy"]],
    [{ RecognizeWarnCode: [-9104, -9102] }, ["reshoot", "photocopy"]],
    [{ RecognizeWarnCode: [-20001] }, ["not_a_licence"]],
    [{ RecognizeWarnCode: [-9999, -9998] }, ["other"]],
    [{ IsDuplication: -1, Electronic: false }, []],
    [{ IsDuplication: 1, Electronic: true }, ["duplicate", "electronic"]],
    [{}, []],
  ])("should map the warnings of %j to %j", (fields, expected) => {
    expect(warningsOf(fields)).toEqual(expected);
  });

  it("should answer unreadable when neither the name nor the code came back", async () => {
    const empty = { Response: { Name: "", RegNum: "", Person: "", RequestId: "req-3" } };
    expect(await read(replay(empty).fetch)).toEqual({ outcome: "no_match", reason: "unreadable", provider: "tencentcloud", serial: "req-3" });
  });

  it.each([
    ["FailedOperation.ImageDecodeFailed", "unreadable"],
    ["FailedOperation.OcrFailed", "unreadable"],
    ["InvalidParameter.EngineImageDecodeFailed", "unreadable"],
    ["LimitExceeded.TooLargeFileError", "unreadable"],
    ["FailedOperation.NoBizLicense", "not_a_licence"],
    ["FailedOperation.DownLoadError", "unavailable"],
    ["FailedOperation.UnKnowError", "unavailable"],
    ["FailedOperation.UnOpenError", "unavailable"],
    ["InvalidParameterValue.InvalidParameterValueLimit", "unavailable"],
    ["ResourceUnavailable.InArrears", "unavailable"],
    ["ResourcesSoldOut.ChargeStatusException", "unavailable"],
  ])("should map documented error %s to %s", async (code, expected) => {
    const answer = await read(replay(errorBody(code, "req-1")).fetch);
    if (expected === "unavailable") expect(answer).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: code });
    else expect(answer).toEqual({ outcome: "no_match", reason: expected, provider: "tencentcloud", serial: "req-1" });
  });

  it("should answer unavailable for a response of another shape", async () => {
    const odd = { Response: { Name: 42, RequestId: "req-4" } };
    expect(await read(replay(odd).fetch)).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "unexpected_response" });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    expect(await read(fetch(), "image/jpeg", timeoutMs)).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });
});
