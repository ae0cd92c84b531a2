// Every reason mobile3's check can answer: the carrier's, and the shared ones.
import type { CarrierReason } from "../../providers/carrier/index";
import { countedReason, type ReasonCatalogue, SHARED_REASONS } from "../../flow/reasons";

export const mobile3Reasons = {
  ...SHARED_REASONS,
  phone_not_registered_to_id: countedReason("phone_not_registered_to_id", "change_method"),
} as const satisfies ReasonCatalogue<CarrierReason | keyof typeof SHARED_REASONS>;
