// The outcome of validating one identifier: the normalised value, or one stable code naming the
// rule that failed. Codes are snake_case and never renamed: they travel unchanged to the API,
// the views' message keys and the docs. This module must never hold messages or HTTP statuses;
// those belong to the catalogue at the edge.

export const VALIDATION_CODES = [
  "required",
  "invalid_character",
  "invalid_length",
  "invalid_checksum",
  "invalid_date",
  "date_too_early",
  "date_in_future",
  "unknown_province",
  "unknown_registration_authority",
  "invalid_division_code",
  "invalid_prefix",
  "unsupported_country_code",
  "too_short",
  "too_long",
  "contains_digit",
  "mixed_script",
  "misplaced_separator",
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

export type Validation<T> = { ok: true; value: T } | { ok: false; code: ValidationCode };

export const valid = <T>(value: T): Validation<T> => ({ ok: true, value });

export const invalid = <T = never>(code: ValidationCode): Validation<T> => ({ ok: false, code });
