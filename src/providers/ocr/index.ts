// The ID card OCR port: reads one side of a resident ID card photo. It reports what is printed;
// it must never judge whether the card is genuine, current or the applicant's own, which the
// registry check and the verification flow decide.
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

export interface OcrProvider {
  readIdCard<S extends IdCardSide>(input: IdCardImage<S>): Promise<IdCardAnswer<S>>;
}
