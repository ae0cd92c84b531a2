// From the reading a review keeps to the reviewer's table: the three fields the operator typed are
// compared (with the verdict made at upload, since the legal representative's name is kept only
// masked), the other printed facts are shown alone. Pure; a missing reading is "not configured",
// as reviews opened before OCR was wired were.
import type { LicenceReadingView } from "../../views/staff/licence-reading";
import type { LicenceReading } from "./licence-reading";

/** What the verification row holds of the organization as typed (the legal representative masked). */
export type TypedForReading = { orgName: string | null; creditCode: string | null; legalRepNameMasked: string | null };

export function licenceReadingView(reading: LicenceReading | null, typed: TypedForReading): LicenceReadingView {
  if (reading === null || reading.status === "not_configured") return { kind: "not_configured" };
  if (reading.status !== "read") return { kind: "failed", reason: reading.status };
  return {
    kind: "read",
    rows: [
      { field: "name", typed: typed.orgName, read: reading.name, match: reading.matches.name },
      { field: "credit_code", typed: typed.creditCode, read: reading.credit_code, match: reading.matches.credit_code },
      { field: "legal_rep_name", typed: typed.legalRepNameMasked, read: reading.legal_rep_name_masked, match: reading.matches.legal_rep_name },
      { field: "type", typed: null, read: reading.type, match: null },
      { field: "address", typed: null, read: reading.address, match: null },
      { field: "registered_capital", typed: null, read: reading.registered_capital, match: null },
      { field: "established_on", typed: null, read: reading.established_on, match: null },
      { field: "business_term", typed: null, read: reading.business_term, match: null },
    ],
    warnings: reading.warnings,
  };
}
