// A verification nobody can complete must not be created: when none of the methods a partner
// allows can be run by the hosted pages yet (the authorization letter and the transfers are to
// come), the API says so at creation, listing those that can, rather than leave the applicant at
// an empty choice. Methods that cannot run beside ones that can are simply not offered.
import { text } from "../http/api-messages";
import { ProblemError } from "../http/problem";
import { hostedMethods } from "../flow/methods";
import { methodsFor } from "../methods";

export function assertSomeMethodRuns(methods: readonly string[] | undefined, type: "person" | "organization") {
  const chosen = methods ?? methodsFor(type);
  if (hostedMethods(chosen).length > 0) return;
  const runnable = hostedMethods(methodsFor(type));
  throw new ProblemError("methods_not_available", text("detail.methods_not_available", { methods: chosen.join(", "), runnable: runnable.join(", ") }), {
    runnable_methods: runnable,
  });
}
