// ID card OCR through Tencent Cloud OCR `IDCardOCR` (2018-11-19), one side per call (business
// licences: tencentcloud-licence.ts). The vendor
// has no "wrong side" code: a card read for the other side than asked comes back with only that
// side's fields filled, which is how wrong_side is told apart from unreadable here.
// It must never log the image or the fields it reads.
import { z } from "zod";
import { unavailable } from "../answer";
import { toBase64 } from "../tencentcloud/base64";
import { callTencentCloud, TENCENTCLOUD_PROVIDER, type TencentCloudSettings } from "../tencentcloud/client";
import { readTencentCloudLicence } from "./tencentcloud-licence";
import type { IdCardAnswer, IdCardBack, IdCardImage, IdCardSide, OcrProvider, OcrReason } from "./index";

// Errors that mean "take another photo"; any other error code is unavailable.
export const ID_CARD_OCR_UNREADABLE_ERRORS: ReadonlySet<string> = new Set([
  "FailedOperation.EmptyImageError",
  "FailedOperation.IdCardInfoIllegal",
  "FailedOperation.ImageBlur",
  "FailedOperation.ImageDecodeFailed",
  "FailedOperation.ImageNoIdCard",
  "FailedOperation.ImageNoText",
  "FailedOperation.ImageSizeTooLarge",
  "FailedOperation.MultiCardError",
  "FailedOperation.OcrFailed",
  "InvalidParameter.EngineImageDecodeFailed",
  "LimitExceeded.TooLargeFileError",
]);

const CARD_SIDE = { front: "FRONT", back: "BACK" } as const;
const LONG_TERM = "长期";
// "2010.07.21-2020.07.21", or "2010.07.21-长期" for a card without an end date.
const VALID_DATE = /^(\d{4})\.(\d{2})\.(\d{2})-(?:(\d{4})\.(\d{2})\.(\d{2})|长期)$/;

const fieldsSchema = z.object({
  Name: z.string().nullish(),
  IdNum: z.string().nullish(),
  ValidDate: z.string().nullish(),
});
type Fields = { name: string; idNumber: string; validDate: string };

export function tencentCloudOcr(settings: TencentCloudSettings): OcrProvider {
  const readers: { [S in IdCardSide]: (input: IdCardImage<S>) => Promise<IdCardAnswer<S>> } = {
    front: async (input) => {
      const read = await readSide(settings, input);
      if (read.outcome !== "read") return read;
      const { name, idNumber, validDate } = read.fields;
      if (name !== "" && idNumber !== "") return { outcome: "match", provider: TENCENTCLOUD_PROVIDER, serial: read.serial, name, idNumber };
      return ocrNoMatch(validDate !== "" ? "wrong_side" : "unreadable", read.serial);
    },
    back: async (input) => {
      const read = await readSide(settings, input);
      if (read.outcome !== "read") return read;
      const { name, idNumber, validDate } = read.fields;
      const validity = parseValidDate(validDate);
      if (validity !== undefined) return { outcome: "match", provider: TENCENTCLOUD_PROVIDER, serial: read.serial, ...validity };
      return ocrNoMatch(validDate === "" && (name !== "" || idNumber !== "") ? "wrong_side" : "unreadable", read.serial);
    },
  };
  return {
    readIdCard: <S extends IdCardSide>(input: IdCardImage<S>) => readers[input.side](input),
    readBusinessLicence: (input) => readTencentCloudLicence(settings, input),
  };
}

type SideRead = { outcome: "read"; serial: string; fields: Fields } | Exclude<IdCardAnswer<IdCardSide>, { outcome: "match" }>;

async function readSide(settings: TencentCloudSettings, input: IdCardImage): Promise<SideRead> {
  const reply = await callTencentCloud({
    ...settings,
    service: "ocr",
    action: "IDCardOCR",
    version: "2018-11-19",
    payload: { ImageBase64: toBase64(input.image), CardSide: CARD_SIDE[input.side] },
  });
  if (reply.outcome === "unavailable") return reply;
  if (reply.error) {
    if (ID_CARD_OCR_UNREADABLE_ERRORS.has(reply.error.code)) return ocrNoMatch("unreadable", reply.requestId);
    return unavailable(TENCENTCLOUD_PROVIDER, reply.error.code);
  }
  const parsed = fieldsSchema.safeParse(reply.body);
  if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
  const { Name, IdNum, ValidDate } = parsed.data;
  const fields = { name: (Name ?? "").trim(), idNumber: (IdNum ?? "").trim(), validDate: (ValidDate ?? "").trim() };
  return { outcome: "read", serial: reply.requestId, fields };
}

function ocrNoMatch(reason: OcrReason, serial: string) {
  return { outcome: "no_match", reason, provider: TENCENTCLOUD_PROVIDER, serial } as const;
}

export function parseValidDate(text: string): IdCardBack | undefined {
  const m = VALID_DATE.exec(text);
  if (m === null) return undefined;
  const validFrom = `${m[1]}-${m[2]}-${m[3]}`;
  if (text.endsWith(LONG_TERM)) return { validFrom, validTo: "long_term" };
  return { validFrom, validTo: `${m[4]}-${m[5]}-${m[6]}` };
}
