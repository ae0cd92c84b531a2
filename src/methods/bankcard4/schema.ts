// bankcard4's input: name, ID number, (the ID card's validity dates, in Beijing's variant), the
// bank card and the bank-reserved phone. One object per option set; the form's fields follow it.
import { z } from "zod";
import type { VerificationOptions } from "../../flow/methods";
import { FIELD_RULES } from "../../schemas/form-fields";

const base = { name: FIELD_RULES.name, id_number: FIELD_RULES.id_number };
const card = { card_number: FIELD_RULES.card_number, phone: FIELD_RULES.phone };

export const bankcard4Input = z.object({ ...base, ...card });
export const bankcard4InputWithValidity = z.object({ ...base, valid_from: FIELD_RULES.valid_from, valid_to: FIELD_RULES.valid_to, ...card });

export function bankcard4Schema(options: VerificationOptions): typeof bankcard4Input | typeof bankcard4InputWithValidity {
  return options.collect_id_validity ? bankcard4InputWithValidity : bankcard4Input;
}
export type Bankcard4Input = z.output<ReturnType<typeof bankcard4Schema>>;
