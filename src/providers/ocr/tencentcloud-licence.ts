// Business licence OCR through Tencent Cloud OCR `BizLicenseOCR` (2018-11-19), with EnableCopyWarn
// so photocopies and reshoots come back as warning codes. BizLicenseOCR reads PNG and JPEG only and
// has no PDF parameter, so a PDF is never sent (and never billed). It must never log the image or
// the fields it reads (the legal representative's name is personal data).
import { z } from "zod";
import { unavailable } from "../answer";
import { toBase64 } from "../tencentcloud/base64";
import { callTencentCloud, TENCENTCLOUD_PROVIDER, type TencentCloudSettings } from "../tencentcloud/client";
import type { LicenceAnswer, LicenceImage, LicenceOcrReason, LicenceWarning } from "./index";

// The documented errors that are about the picture; any other code is unavailable.
export const BIZ_LICENCE_OCR_REASONS: ReadonlyMap<string, LicenceOcrReason> = new Map([
  ["FailedOperation.EmptyImageError", "unreadable"],
  ["FailedOperation.ImageBlur", "unreadable"],
  ["FailedOperation.ImageDecodeFailed", "unreadable"],
  ["FailedOperation.ImageNoText", "unreadable"],
  ["FailedOperation.ImageSizeTooLarge", "unreadable"],
  ["FailedOperation.OcrFailed", "unreadable"],
  ["InvalidParameter.EngineImageDecodeFailed", "unreadable"],
  ["LimitExceeded.TooLargeFileError", "unreadable"],
  ["FailedOperation.NoBizLicense", "not_a_licence"],
]);

// RecognizeWarnCode: -9102 black-and-white photocopy, -9104 reshoot, -20001 not a business licence.
const WARN_CODES: ReadonlyMap<number, LicenceWarning> = new Map([
  [-9102, "photocopy"],
  [-9104, "reshoot"],
  [-20001, "not_a_licence"],
]);

const text = z.string().nullish();
const fieldsSchema = z.object({
  Name: text,
  RegNum: text,
  Person: text,
  Type: text,
  Address: text,
  Capital: text,
  SetDate: text,
  Period: text,
  RecognizeWarnCode: z.array(z.number()).nullish(),
  /** 1 for a 副本 (duplicate), -1 for the original. */
  IsDuplication: z.number().nullish(),
  Electronic: z.boolean().nullish(),
});

export async function readTencentCloudLicence(settings: TencentCloudSettings, input: LicenceImage): Promise<LicenceAnswer> {
  if (input.contentType === "application/pdf") return licenceNoMatch("unsupported_file", "");
  const reply = await callTencentCloud({
    ...settings,
    service: "ocr",
    action: "BizLicenseOCR",
    version: "2018-11-19",
    payload: { ImageBase64: toBase64(input.image), EnableCopyWarn: true },
  });
  if (reply.outcome === "unavailable") return reply;
  if (reply.error) {
    const reason = BIZ_LICENCE_OCR_REASONS.get(reply.error.code);
    return reason ? licenceNoMatch(reason, reply.requestId) : unavailable(TENCENTCLOUD_PROVIDER, reply.error.code);
  }
  const parsed = fieldsSchema.safeParse(reply.body);
  if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
  const f = parsed.data;
  const fields = {
    name: clean(f.Name),
    creditCode: clean(f.RegNum),
    legalRepName: clean(f.Person),
    type: clean(f.Type),
    address: clean(f.Address),
    registeredCapital: clean(f.Capital),
    establishedOn: clean(f.SetDate),
    businessTerm: clean(f.Period),
  };
  // Nothing printed was read: a picture of something else, answered as such rather than as a blank licence.
  if (fields.name === "" && fields.creditCode === "") return licenceNoMatch("unreadable", reply.requestId);
  return { outcome: "match", provider: TENCENTCLOUD_PROVIDER, serial: reply.requestId, ...fields, warnings: warningsOf(f) };
}

export function warningsOf(f: Pick<z.infer<typeof fieldsSchema>, "RecognizeWarnCode" | "IsDuplication" | "Electronic">): LicenceWarning[] {
  const warnings = new Set<LicenceWarning>();
  if (f.IsDuplication === 1) warnings.add("duplicate");
  if (f.Electronic === true) warnings.add("electronic");
  for (const code of f.RecognizeWarnCode ?? []) warnings.add(WARN_CODES.get(code) ?? "other");
  return [...warnings];
}

function clean(value: string | null | undefined): string {
  return (value ?? "").trim();
}

function licenceNoMatch(reason: LicenceOcrReason, serial: string) {
  return { outcome: "no_match", reason, provider: TENCENTCLOUD_PROVIDER, serial } as const;
}
