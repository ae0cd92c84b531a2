// face's input: the 2-element name and ID number; the face itself comes from the phone.
import { z } from "zod";
import { FIELD_RULES } from "../../schemas/form-fields";

export const faceInput = z.object({ name: FIELD_RULES.name, id_number: FIELD_RULES.id_number });
