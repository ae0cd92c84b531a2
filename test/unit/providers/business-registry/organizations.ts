// Well-formed organizations for the business registry tests: the credential code has a valid
// check character and the legal representative is a test identity. None is a sandbox magic value.
import type { BusinessRegistryQuery } from "../../../../src/providers/business-registry/index";
import { TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";

const [zhang] = TEST_IDENTITIES;

/** The 3-element query: no ID number. */
export const ORG: BusinessRegistryQuery = { name: "北京示例科技有限公司", credentialCode: "91350100M000100Y43", legalRepName: zhang.name };

/** The 4-element query. */
export const ORG_4: BusinessRegistryQuery = { ...ORG, legalRepIdNumber: zhang.idNumber };
