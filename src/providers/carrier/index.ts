// The carrier port: the 3-element check that a phone number is registered to a name and ID
// number. It must never send an SMS (the sms port does) nor validate formats (the domain does).
import type { ProviderAnswer } from "../answer";

export type CarrierQuery = { name: string; idNumber: string; phone: string };

export type CarrierReason = "phone_not_registered_to_id" | "name_id_mismatch";

export type CarrierAnswer = ProviderAnswer<CarrierReason>;

export interface CarrierProvider {
  check(query: CarrierQuery): Promise<CarrierAnswer>;
}
