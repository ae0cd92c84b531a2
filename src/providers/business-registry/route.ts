// Which live adapter runs a business registry query, decided in this one place: with the legal
// representative's ID number, Tencent Cloud's 4-element check when it is configured, else
// Aliyun's ENT_4META; without it, Aliyun's ENT_3META, the only 3-element check we have. A query
// no configured adapter can run answers provider_not_configured, never a sandbox or a guess.
import { normaliseOrgName } from "../../domain/organization/org-name";
import { ALIYUN_PROVIDER } from "../aliyun/client";
import { unavailable } from "../answer";
import { TENCENTCLOUD_PROVIDER } from "../tencentcloud/client";
import type { BusinessRegistryProvider } from "./index";

/** The configured adapters; null where its secrets are missing. */
export type RegistryAdapters = {
  tencentCloud: BusinessRegistryProvider | null;
  aliyun: BusinessRegistryProvider | null;
};

export function routedBusinessRegistry({ tencentCloud, aliyun }: RegistryAdapters): BusinessRegistryProvider {
  return {
    async check(query) {
      const fourElements = Boolean(query.legalRepIdNumber);
      const adapter = fourElements ? (tencentCloud ?? aliyun) : aliyun;
      // Named after the adapter that would have run it, so the log says which secrets to set.
      if (adapter === null) return unavailable(fourElements ? TENCENTCLOUD_PROVIDER : ALIYUN_PROVIDER, "provider_not_configured");
      // Callers normalise already; again here because the registries compare names exactly and
      // a half-width bracket would be a false mismatch. Idempotent, so it costs nothing twice.
      return adapter.check({ ...query, name: normaliseOrgName(query.name) });
    },
  };
}
