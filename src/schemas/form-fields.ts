// The rules of the form fields person methods share, each a zod schema. A method composes its
// input schema from these (src/methods/<name>/schema.ts), so a rule exists once.
import { z } from "zod";
import { parseCardDate } from "../domain/validators/card-date";
import { bankCardNumber, mobileNumber, personName, residentIdNumber } from "./identifiers";

// As printed on the card and typed from it (2016-08-20, 2016.08.20, 20160820); stored as ISO.
const cardDate = z.string().transform((input, ctx): string => {
  const r = parseCardDate(input);
  if (r.ok) return r.value;
  ctx.addIssue({ code: "custom", message: r.code, params: { code: r.code } });
  return z.NEVER;
});

// "长期" (long-term) cards have no end date: the form offers it as a choice, and the word typed counts too.
const validTo = z.string().transform((input, ctx): string => {
  if (input.trim() === "long_term" || input.trim() === "长期") return "long_term";
  const r = parseCardDate(input);
  if (r.ok) return r.value;
  ctx.addIssue({ code: "custom", message: r.code, params: { code: r.code } });
  return z.NEVER;
});

export const FIELD_RULES = {
  name: personName,
  id_number: residentIdNumber,
  phone: mobileNumber,
  card_number: bankCardNumber,
  valid_from: cardDate,
  valid_to: validTo,
} as const;
