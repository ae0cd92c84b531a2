// The collection's test-mode twin: one receiving account (not a real one) and a remark code per
// verification; the test helper POST /v1/test_helpers/verifications/{id}/incoming_credit plays
// the bank's notification through the same ingest as live.
import { SANDBOX_RECEIVING_ACCOUNT } from "../sandbox-values";
import type { CollectionProvider } from "./index";

export function sandboxCollection(): CollectionProvider {
  return {
    async expect({ reference }) {
      return { ...SANDBOX_RECEIVING_ACCOUNT, referenceKind: "remark", reference };
    },
  };
}
