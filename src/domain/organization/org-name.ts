// An organization's name as the business registry holds it, so an exact comparison there does not
// fail on how it was typed. The registry writes brackets full-width (（）) and has no spaces; input
// methods and copied text bring half-width brackets, full-width letters and stray spaces, each a
// false name_code_mismatch. Pure and idempotent: it must never drop or reorder a character that
// could be part of the name itself.

// NFKC folds full-width letters, digits and spaces to ASCII, but it also folds the registry's
// full-width brackets to "(" and ")": those are put back afterwards.
const TO_FULL_WIDTH: Readonly<Record<string, string>> = { "(": "（", ")": "）" };

export function normaliseOrgName(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[()]/g, (bracket) => TO_FULL_WIDTH[bracket] ?? bracket)
    .replace(/\s+/g, "");
}
