// The OCR port: reads one side of a resident ID card photo, or a business licence (营业执照). It
// reports what is printed; it must never judge whether a card or licence is genuine, current or
// the applicant's own, which the registry check, the verification flow and a reviewer decide.
import type { ProviderAnswer } from "../answer";

export type IdCardSide = "front" | "back";

/** front: the portrait side (人像面); back: the national emblem side (国徽面). */
export type IdCardImage<S extends IdCardSide = IdCardSide> = { side: S; image: Uint8Array; contentType: string };

export type IdCardFront = { name: string; idNumber: string };
/** Dates as YYYY-MM-DD; "long_term" for cards printed 长期 (no end date). */
export type IdCardBack = { validFrom: string; validTo: string | "long_term" };
export type IdCardFields = { front: IdCardFront; back: IdCardBack };

export type OcrReason = "unreadable" | "wrong_side";

export type IdCardAnswer<S extends IdCardSide = IdCardSide> = ProviderAnswer<OcrReason, IdCardFields[S]>;

/** The licence's bytes as checked on upload (image/jpeg, image/png or application/pdf). */
export type LicenceImage = { image: Uint8Array; contentType: string };

/**
 * What the vendor flags about the picture rather than its text: a 副本 (duplicate), a black-and-white
 * photocopy, a photo of a screen or print (reshoot), an electronic licence, not a licence at all,
 * or a code this adapter does not know yet (other). A reviewer weighs them; nothing refuses on them.
 */
export type LicenceWarning = "duplicate" | "photocopy" | "reshoot" | "electronic" | "not_a_licence" | "other";

/**
 * The printed fields as read, "" where the vendor read nothing. `creditCode` is the 统一社会信用代码,
 * or the 注册号 on a licence from before 2015; dates and the term stay as printed (2020年01月01日,
 * 长期) since a reviewer compares them by eye with the picture.
 */
export type LicenceFields = {
  name: string;
  creditCode: string;
  legalRepName: string;
  type: string;
  address: string;
  registeredCapital: string;
  establishedOn: string;
  businessTerm: string;
  warnings: LicenceWarning[];
};

/**
 * not_a_licence: the vendor found no licence in the picture; unsupported_file: a format it cannot
 * read (Tencent's BizLicenseOCR takes no PDF).
 */
export type LicenceOcrReason = "unreadable" | "not_a_licence" | "unsupported_file";

export type LicenceAnswer = ProviderAnswer<LicenceOcrReason, LicenceFields>;

export interface OcrProvider {
  readIdCard<S extends IdCardSide>(input: IdCardImage<S>): Promise<IdCardAnswer<S>>;
  readBusinessLicence(input: LicenceImage): Promise<LicenceAnswer>;
}
