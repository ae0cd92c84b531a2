// The deterministic twin of OCR for test mode. It cannot read photos: an image that is a UTF-8
// marker from sandbox-values.ts says what the card shows, and any other image reads as the default
// side; business licences are read in sandbox-licence.ts. It must never call out, read a clock, or
// look at a real photo's pixels.
import { SANDBOX_PROVIDER, sandboxSerial, sandboxUnavailable, sandboxNoMatch } from "../sandbox-answer";
import { SANDBOX_OCR_DEFAULTS, SANDBOX_OCR_MARKERS } from "../sandbox-values";
import { readSandboxLicence } from "./sandbox-licence";
import type { IdCardAnswer, IdCardBack, IdCardFront, IdCardImage, IdCardSide, OcrProvider, OcrReason } from "./index";

// Markers are short; a real photo is never decoded as text.
const MAX_MARKER_BYTES = 256;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Marker = { kind: "photo" } | { kind: "unreadable" } | { kind: "unavailable" } | { kind: "front"; fields: IdCardFront } | { kind: "back"; fields: IdCardBack };

export function sandboxOcr(): OcrProvider {
  // One reader per side, indexed by the side itself, so each answer keeps its side's fields.
  const readers: { [S in IdCardSide]: (input: IdCardImage<S>) => Promise<IdCardAnswer<S>> } = {
    front: readFront,
    back: readBack,
  };
  return {
    readIdCard: <S extends IdCardSide>(input: IdCardImage<S>) => readers[input.side](input),
    readBusinessLicence: readSandboxLicence,
  };
}

async function readFront(input: IdCardImage<"front">): Promise<IdCardAnswer<"front">> {
  const marker = parseMarker(input.image);
  if (marker.kind === "unavailable") return sandboxUnavailable();
  const serial = sandboxSerial();
  const reason = reasonFor("front", marker);
  if (reason !== undefined) return sandboxNoMatch(reason, serial);
  const fields = marker.kind === "front" ? marker.fields : SANDBOX_OCR_DEFAULTS.front;
  return { outcome: "match", provider: SANDBOX_PROVIDER, serial, ...fields };
}

async function readBack(input: IdCardImage<"back">): Promise<IdCardAnswer<"back">> {
  const marker = parseMarker(input.image);
  if (marker.kind === "unavailable") return sandboxUnavailable();
  const serial = sandboxSerial();
  const reason = reasonFor("back", marker);
  if (reason !== undefined) return sandboxNoMatch(reason, serial);
  const fields = marker.kind === "back" ? marker.fields : SANDBOX_OCR_DEFAULTS.back;
  return { outcome: "match", provider: SANDBOX_PROVIDER, serial, ...fields };
}

function reasonFor(side: IdCardSide, marker: Marker): OcrReason | undefined {
  if (marker.kind === "unreadable") return "unreadable";
  if ((marker.kind === "front" || marker.kind === "back") && marker.kind !== side) return "wrong_side";
  return undefined;
}

function parseMarker(image: Uint8Array): Marker {
  if (image.length === 0) return { kind: "unreadable" };
  if (image.length > MAX_MARKER_BYTES) return { kind: "photo" };
  const text = new TextDecoder().decode(image);
  if (!text.startsWith(SANDBOX_OCR_MARKERS.prefix)) return { kind: "photo" };
  if (text === SANDBOX_OCR_MARKERS.unreadable) return { kind: "unreadable" };
  if (text === SANDBOX_OCR_MARKERS.unavailable) return { kind: "unavailable" };

  const [, side, first, second, ...rest] = text.split(":");
  if (rest.length === 0 && first === undefined) {
    if (side === "front") return { kind: "front", fields: SANDBOX_OCR_DEFAULTS.front };
    if (side === "back") return { kind: "back", fields: SANDBOX_OCR_DEFAULTS.back };
  }
  if (rest.length === 0 && first !== undefined && second !== undefined) {
    if (side === "front" && first !== "" && second !== "") return { kind: "front", fields: { name: first, idNumber: second } };
    if (side === "back" && DATE.test(first) && (DATE.test(second) || second === "long_term")) {
      return { kind: "back", fields: { validFrom: first, validTo: second } };
    }
  }
  // A mistyped marker reads as unreadable rather than as the default card, so the typo shows.
  return { kind: "unreadable" };
}
