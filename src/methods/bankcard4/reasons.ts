// Every reason bankcard4 can answer: the bank's, the ID photos' (Beijing's variant), and the shared ones.
import type { BankReason } from "../../providers/bank/index";
import { countedReason, type ReasonCatalogue, SHARED_REASONS } from "../../flow/reasons";

export const ID_PHOTO_REASONS = {
  id_photo_mismatch: countedReason("id_photo_mismatch"),
  id_validity_mismatch: countedReason("id_validity_mismatch"),
  id_front_unreadable: countedReason("id_front_unreadable"),
  id_front_wrong_side: countedReason("id_front_wrong_side"),
  id_back_unreadable: countedReason("id_back_unreadable"),
  id_back_wrong_side: countedReason("id_back_wrong_side"),
} as const;
export type IdPhotoReason = keyof typeof ID_PHOTO_REASONS;

export const bankcard4Reasons = {
  ...SHARED_REASONS,
  card_phone_mismatch: countedReason("card_phone_mismatch"),
  card_not_supported: countedReason("card_not_supported", "change_method"),
  ...ID_PHOTO_REASONS,
} as const satisfies ReasonCatalogue<BankReason | IdPhotoReason | keyof typeof SHARED_REASONS>;
