// The sandbox's business licence reading. It cannot read a picture: a marker appended to the file
// (sandbox-values.ts SANDBOX_LICENCE_MARKERS) says what the licence shows, and any other licence
// reads as the defaults. A PDF is never read, as Tencent's BizLicenseOCR takes none. It must never
// call out, read a clock, or look at the picture itself.
import { SANDBOX_PROVIDER, sandboxNoMatch, sandboxSerial, sandboxUnavailable } from "../sandbox-answer";
import { SANDBOX_LICENCE_DEFAULTS, SANDBOX_LICENCE_MARKERS } from "../sandbox-values";
import type { LicenceAnswer, LicenceFields, LicenceImage, LicenceWarning } from "./index";

// The marker sits at the very end; a whole photo is never decoded as text.
const TAIL_BYTES = 256;
const WARNINGS: ReadonlySet<string> = new Set<LicenceWarning>(["duplicate", "photocopy", "reshoot", "electronic", "not_a_licence"]);

type Marker = { kind: "none" } | { kind: "unreadable" } | { kind: "unavailable" } | { kind: "fields"; fields: Pick<LicenceFields, "name" | "creditCode" | "legalRepName" | "warnings"> };

export async function readSandboxLicence(input: LicenceImage): Promise<LicenceAnswer> {
  if (input.contentType === "application/pdf") return sandboxNoMatch("unsupported_file", sandboxSerial());
  const marker = parseMarker(input.image);
  if (marker.kind === "unavailable") return sandboxUnavailable();
  const serial = sandboxSerial();
  if (input.image.length === 0 || marker.kind === "unreadable") return sandboxNoMatch("unreadable", serial);
  const fields: LicenceFields = { ...SANDBOX_LICENCE_DEFAULTS, warnings: [], ...(marker.kind === "fields" ? marker.fields : {}) };
  return { outcome: "match", provider: SANDBOX_PROVIDER, serial, ...fields };
}

function parseMarker(image: Uint8Array): Marker {
  const tail = new TextDecoder().decode(image.subarray(Math.max(0, image.length - TAIL_BYTES)));
  const at = tail.lastIndexOf(SANDBOX_LICENCE_MARKERS.prefix);
  if (at < 0) return { kind: "none" };
  const text = tail.slice(at).trim();
  if (text === SANDBOX_LICENCE_MARKERS.unavailable) return { kind: "unavailable" };
  const [, , name, creditCode, legalRepName, warnings, ...rest] = text.split(":");
  if (rest.length === 0 && name && creditCode && legalRepName) {
    const listed = warnings ? warnings.split(",") : [];
    if (listed.every((w) => WARNINGS.has(w))) return { kind: "fields", fields: { name, creditCode, legalRepName, warnings: listed as LicenceWarning[] } };
  }
  // sandbox:licence:unreadable, and any mistyped marker, so the typo shows rather than the defaults.
  return { kind: "unreadable" };
}
