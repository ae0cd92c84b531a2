// mobile3's input: name, ID number and the phone registered to that ID. The typed input and the
// form's fields both come from this one object.
import { z } from "zod";
import { FIELD_RULES } from "../../schemas/form-fields";

export const mobile3Input = z.object({ name: FIELD_RULES.name, id_number: FIELD_RULES.id_number, phone: FIELD_RULES.phone });
export type Mobile3Input = z.output<typeof mobile3Input>;
