// The rules of the form fields person methods share, each a zod schema. A method composes its
// input schema from these (src/methods/<name>/schema.ts), so a rule exists once.
import { z } from "zod";
import { bankCardNumber, mobileNumber, personName, residentIdNumber } from "./identifiers";

const isoDate = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: "invalid_date", params: { code: value === "" ? "required" : "invalid_date" } });
    }
  });

// "长期" (long-term) cards have no end date: the form offers it as a choice.
const validTo = z.union([z.literal("long_term"), isoDate]);

export const FIELD_RULES = {
  name: personName,
  id_number: residentIdNumber,
  phone: mobileNumber,
  card_number: bankCardNumber,
  valid_from: isoDate,
  valid_to: validTo,
} as const;
