// The Beijing variant of bankcard4: both sides of the ID card are read by OCR and must agree with
// what the applicant typed. Pure comparison apart from the OCR call; storing photos is the step's.
import type { CheckResult, ProviderCall } from "../../flow/methods";
import type { Providers } from "../../providers/select";
import { providerCall } from "../provider-call";
import type { IdPhotoReason } from "./reasons";
import type { Bankcard4Input } from "./schema";

export async function checkIdCardPhotos(providers: Providers, input: Bankcard4Input, photos: { front: File; back: File }, compareDates: boolean): Promise<CheckResult<IdPhotoReason>> {
  const calls: ProviderCall[] = [];
  const front = await providers.ocr.readIdCard({ side: "front", image: await bytes(photos.front), contentType: photos.front.type });
  calls.push(providerCall("ocr", front));
  if (front.outcome === "unavailable") return { kind: "unavailable", calls };
  if (front.outcome === "no_match") return { kind: "rejected", reason: `id_front_${front.reason}`, calls };
  if (front.name !== input.name || front.idNumber !== input.id_number) return { kind: "rejected", reason: "id_photo_mismatch", calls };

  const back = await providers.ocr.readIdCard({ side: "back", image: await bytes(photos.back), contentType: photos.back.type });
  calls.push(providerCall("ocr", back));
  if (back.outcome === "unavailable") return { kind: "unavailable", calls };
  if (back.outcome === "no_match") return { kind: "rejected", reason: `id_back_${back.reason}`, calls };
  if (compareDates && "valid_from" in input && (back.validFrom !== input.valid_from || back.validTo !== input.valid_to)) {
    return { kind: "rejected", reason: "id_validity_mismatch", calls };
  }
  return { kind: "passed", calls };
}

async function bytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
