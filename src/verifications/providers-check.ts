// Live verifications must not start with a method whose provider is missing: better a clear
// refusal at creation than a failure halfway through the applicant's flow.
import { text } from "../http/api-messages";
import { ProblemError } from "../http/problem";
import type { Config } from "../config";
import { hostedMethods } from "../flow/methods";
import { capabilitiesOf, methodsFor } from "../methods";
import { CAPABILITIES, type Capability as ProviderCapability, missingProviders } from "../providers/select";

export function assertProvidersConfigured(config: Config, methods: readonly string[] | undefined, type: "person" | "organization") {
  // Only what the hosted pages can run is offered (src/verifications/runnable.ts), so only that needs its providers.
  const chosen = hostedMethods(methods ?? methodsFor(type));
  const needed = capabilitiesOf(chosen);
  // Capabilities with no live adapter yet (business registry, payout) are missing by definition.
  const built = needed.filter((c): c is ProviderCapability => (CAPABILITIES as readonly string[]).includes(c));
  const missing = [...missingProviders(config, built), ...needed.filter((c) => !built.includes(c as ProviderCapability))];
  if (missing.length > 0) {
    throw new ProblemError("provider_not_configured", text("detail.provider_not_configured", { methods: chosen.join(", "), capabilities: missing.join(", ") }), {
      missing_capabilities: missing,
    });
  }
}
