// The ID card OCR contract: one table of cases, run against the sandbox (images that are marker
// text) and against the Tencent Cloud adapter (fed the recorded IDCardOCR response).
import { describe, expect, it } from "vitest";
import type { IdCardSide, OcrReason } from "../../../../src/providers/ocr/index";
import { sandboxOcr } from "../../../../src/providers/ocr/sandbox";
import { tencentCloudOcr } from "../../../../src/providers/ocr/tencentcloud";
import { SANDBOX_OCR_MARKERS } from "../../../../src/providers/sandbox-values";
import { expectAnswer, recordedRequestId, SANDBOX_SERIAL, type Expected } from "../contract";
import back from "../fixtures/tencentcloud/IDCardOCR.back.json";
import backLongTerm from "../fixtures/tencentcloud/IDCardOCR.back_long_term.json";
import front from "../fixtures/tencentcloud/IDCardOCR.front.json";
import noIdCard from "../fixtures/tencentcloud/IDCardOCR.no_id_card.json";
import unknownError from "../fixtures/tencentcloud/IDCardOCR.unknown_error.json";
import { replay, settingsWith } from "../recorded-fetch";

const marker = (text: string) => new TextEncoder().encode(text);
// Stands in for a photo when replaying: the adapter only forwards the bytes.
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);

type Case = {
  title: string;
  side: IdCardSide;
  expected: Expected<OcrReason>;
  fields?: Record<string, string>;
  sandboxImage: Uint8Array;
  recorded: { Response: { RequestId: string } };
};

const cases: Case[] = [
  {
    title: "a portrait side",
    side: "front",
    expected: { outcome: "match" },
    fields: { name: "张三", idNumber: "110101199003071233" },
    sandboxImage: marker(`${SANDBOX_OCR_MARKERS.front}:张三:110101199003071233`),
    recorded: front,
  },
  {
    title: "an emblem side with an end date",
    side: "back",
    expected: { outcome: "match" },
    fields: { validFrom: "2016-08-20", validTo: "2036-08-20" },
    sandboxImage: marker(`${SANDBOX_OCR_MARKERS.back}:2016-08-20:2036-08-20`),
    recorded: back,
  },
  {
    title: "an emblem side valid long-term (长期)",
    side: "back",
    expected: { outcome: "match" },
    fields: { validFrom: "2012-05-10", validTo: "long_term" },
    sandboxImage: marker(`${SANDBOX_OCR_MARKERS.back}:2012-05-10:long_term`),
    recorded: backLongTerm,
  },
  {
    title: "the emblem side sent as the portrait side",
    side: "front",
    expected: { outcome: "no_match", reason: "wrong_side" },
    sandboxImage: marker(SANDBOX_OCR_MARKERS.back),
    recorded: back,
  },
  {
    title: "the portrait side sent as the emblem side",
    side: "back",
    expected: { outcome: "no_match", reason: "wrong_side" },
    sandboxImage: marker(SANDBOX_OCR_MARKERS.front),
    recorded: front,
  },
  {
    title: "a photo without an ID card",
    side: "front",
    expected: { outcome: "no_match", reason: "unreadable" },
    sandboxImage: marker(SANDBOX_OCR_MARKERS.unreadable),
    recorded: noIdCard,
  },
  {
    title: "an OCR engine error",
    side: "back",
    expected: { outcome: "unavailable" },
    sandboxImage: marker(SANDBOX_OCR_MARKERS.unavailable),
    recorded: unknownError,
  },
];

describe("ocr contract: sandbox", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ side, expected, fields, sandboxImage }) => {
    const answer = await sandboxOcr().readIdCard({ side, image: sandboxImage, contentType: "image/jpeg" });
    expectAnswer(answer, expected, SANDBOX_SERIAL);
    if (fields) expect(answer).toMatchObject(fields);
  });
});

describe("ocr contract: tencentcloud", () => {
  it.each(cases)("should answer $expected.outcome for $title", async ({ side, expected, fields, recorded }) => {
    const answer = await tencentCloudOcr(settingsWith(replay(recorded).fetch)).readIdCard({ side, image: PHOTO, contentType: "image/jpeg" });
    expectAnswer(answer, expected, recordedRequestId(recorded));
    if (fields) expect(answer).toMatchObject(fields);
  });
});
