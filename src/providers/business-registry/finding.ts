// The business registry's answer, as the organization check reads it and the evidence keeps it:
// shared by the operator's check and the legal representative's own 4-element check (src/authorization).
import type { RegistryFinding } from "../../domain/organization/registry-policy";
import type { BusinessRegistryAnswer } from "./index";

export function findingOf(answer: BusinessRegistryAnswer): RegistryFinding {
  if (answer.outcome === "unavailable") return { kind: "unavailable" };
  if (answer.outcome === "no_match") return { kind: "mismatch", reason: answer.reason };
  return { kind: "match", status: answer.registryStatus };
}

/** The evidence of the call: what the registry answered, never what was sent. */
export function callEvidence(answer: BusinessRegistryAnswer) {
  const base = { capability: "business_registry", provider: answer.provider, outcome: answer.outcome };
  if (answer.outcome === "unavailable") return { ...base, detail: answer.detail };
  if (answer.outcome === "no_match") return { ...base, serial: answer.serial, reason: answer.reason };
  return { ...base, serial: answer.serial, registry_status: answer.registryStatus, elements: answer.elements };
}
