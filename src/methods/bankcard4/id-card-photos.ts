// The Beijing variant of bankcard4: both sides of the ID card are read by OCR and must agree with
// what the applicant typed. Pure comparison apart from the OCR call; storing photos is the caller's.
import type { Providers } from "../../providers/select";
import { providerCall } from "../provider-call";
import type { Collected, CheckResult, ProviderCall } from "../method";

export async function checkIdCardPhotos(providers: Providers, input: Collected, compareDates: boolean): Promise<CheckResult> {
  const calls: ProviderCall[] = [];
  const front = await providers.ocr.readIdCard({ side: "front", image: await bytes(input.idFront!), contentType: input.idFront!.type });
  calls.push(providerCall("ocr", front));
  if (front.outcome === "unavailable") return { kind: "unavailable", calls };
  if (front.outcome === "no_match") return { kind: "rejected", reason: `id_front_${front.reason}`, calls };
  if (front.name !== input.name || front.idNumber !== input.idNumber) return { kind: "rejected", reason: "id_photo_mismatch", calls };

  const back = await providers.ocr.readIdCard({ side: "back", image: await bytes(input.idBack!), contentType: input.idBack!.type });
  calls.push(providerCall("ocr", back));
  if (back.outcome === "unavailable") return { kind: "unavailable", calls };
  if (back.outcome === "no_match") return { kind: "rejected", reason: `id_back_${back.reason}`, calls };
  if (compareDates && (back.validFrom !== input.validFrom || back.validTo !== input.validTo)) {
    return { kind: "rejected", reason: "id_validity_mismatch", calls };
  }
  return { kind: "passed", calls, images: [{ side: "front", file: input.idFront! }, { side: "back", file: input.idBack! }] };
}

async function bytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
