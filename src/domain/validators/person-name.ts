// A person's name as the registries hold it: Chinese characters, with "·" between the parts of
// transliterated or minority names, or a Latin-script name. Normalises the look-alike dots,
// quotes and spaces people type. Pure and format-only: it must never judge whether a name is
// real, and never rewrite letters (the registry compares names exactly).

import { invalid, valid, type Validation } from "./result";

const MIN_LENGTH = 2;
const MAX_LENGTH = 64;

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
// Every character a name of either script may contain; anything else is invalid_character.
const ALLOWED = /^[\p{Script=Han}\p{Script=Latin}\p{M} ·'.-]*$/u;
const CHINESE_SHAPE = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
// Letter runs joined by one hyphen, apostrophe or space, or a period optionally followed by a
// space ("J. R. Smith"); a final period is allowed for "Jr.".
const LATIN_SHAPE = /^\p{Script=Latin}[\p{Script=Latin}\p{M}]*(?:(?:[-' ]|\. ?)\p{Script=Latin}[\p{Script=Latin}\p{M}]*)*\.?$/u;

export function validatePersonName(input: string): Validation<string> {
  const value = normalise(input);
  if (value === "") return invalid("required");
  // Counted in code points: rare surnames outside the BMP are one character, two UTF-16 units.
  const length = [...value].length;
  if (length < MIN_LENGTH) return invalid("too_short");
  if (length > MAX_LENGTH) return invalid("too_long");
  if (/\p{N}/u.test(value)) return invalid("contains_digit");
  if (!ALLOWED.test(value)) return invalid("invalid_character");

  const han = HAN.test(value);
  const latin = LATIN.test(value);
  if (han && latin) return invalid("mixed_script");
  if (han) {
    // Latin punctuation in a Chinese name is a wrong character, not a wrong position.
    if (/[ '.-]/.test(value)) return invalid("invalid_character");
    return CHINESE_SHAPE.test(value) ? valid(value) : invalid("misplaced_separator");
  }
  if (value.includes("·")) return invalid("invalid_character");
  // With no letters at all (only punctuation) nothing is in the right place either.
  return LATIN_SHAPE.test(value) ? valid(value) : invalid("misplaced_separator");
}

function normalise(input: string): string {
  return (
    input
      // NFC composes "e" + combining acute into "é" so equal names compare equal.
      .normalize("NFC")
      // Katakana middle dot, bullet, half-width katakana dot and hyphenation point all stand in
      // for U+00B7 depending on the keyboard; the registries store U+00B7.
      .replace(/[\u30FB\u2022\uFF65\u2027]/g, "·")
      // Phones type curly apostrophes and Unicode hyphens; the registries store ASCII ones.
      .replace(/[\u2019\u02BC]/g, "'")
      .replace(/[\u2010\u2011]/g, "-")
      .trim()
      .replace(/\s+/g, " ")
      // A space next to a Chinese character or the dot is never part of a registered name.
      .replace(/ ?(·) ?/g, "$1")
      .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, "$1")
  );
}
