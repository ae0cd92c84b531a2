import { describe, expect, it } from "vitest";
import { formFields, type HostedMethod, hostedMethod, type MethodDefinition } from "../../../src/flow/methods";
import { METHODS } from "../../../src/methods";
import { isMessageKey, LOCALES, t } from "../../../views/messages";
import { reasonText } from "../../../views/components/form-errors";

const ALL: readonly MethodDefinition[] = METHODS;
const hosted = ALL.flatMap((m): [string, HostedMethod][] => (m.hosted ? [[m.name, m.hosted]] : []));

describe("the method catalogue", () => {
  it.each(hosted)("should give every reason of %s its words in both languages", (_name, method) => {
    for (const [reason, entry] of Object.entries(method.reasons)) {
      expect(isMessageKey(entry.messageKey), reason).toBe(true);
      for (const locale of LOCALES) expect(t(locale, entry.messageKey as never), `${locale} ${reason}`).not.toBe(entry.messageKey);
    }
  });

  it.each(ALL)("should title every method in both languages: $name", (method) => {
    if (!method.hosted) return;
    for (const locale of LOCALES) expect(t(locale, `method.${method.name}.title` as never)).not.toBe(`method.${method.name}.title`);
  });

  it("should count provider faults as no attempt and every check's refusal as one", () => {
    for (const [, method] of hosted) {
      expect(method.reasons.provider_unavailable?.countsAsAttempt).toBe(false);
      expect(method.reasons.name_id_mismatch?.countsAsAttempt).toBe(true);
    }
  });

  it("should take the form's fields from the method's schema alone", () => {
    expect(formFields(hostedMethod("mobile3")!, {})).toEqual(["name", "id_number", "phone"]);
    expect(formFields(hostedMethod("bankcard4")!, { collect_id_validity: true })).toEqual(["name", "id_number", "valid_from", "valid_to", "card_number", "phone"]);
    expect(formFields(hostedMethod("face")!, {})).toEqual(["name", "id_number"]);
  });

  it("should never explain an unknown reason with the provider-fault sentence", () => {
    for (const locale of LOCALES) {
      expect(reasonText(locale, "no_such_reason")).not.toBe(reasonText(locale, "provider_unavailable"));
      expect(reasonText(locale, "no_such_reason")).toBe(t(locale, "reason.not_matched"));
    }
  });
});
