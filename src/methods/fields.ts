// The form fields methods collect, each with the zod rule that parses it. A method lists field
// names; the form parser and the views look the rest up here, so a rule exists once.
import { z } from "zod";
import { bankCardNumber, mobileNumber, personName, residentIdNumber } from "../schemas/identifiers";

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

// Browsers send an empty File for an untouched file input.
const image = z.instanceof(File).refine((f) => f.size > 0, { message: "required", params: { code: "required" } });

export const FIELD_RULES = {
  name: personName,
  id_number: residentIdNumber,
  phone: mobileNumber,
  card_number: bankCardNumber,
  valid_from: isoDate,
  valid_to: validTo,
  id_front: image,
  id_back: image,
} as const;

export type FieldName = keyof typeof FIELD_RULES;

export const FILE_FIELDS: readonly FieldName[] = ["id_front", "id_back"];
