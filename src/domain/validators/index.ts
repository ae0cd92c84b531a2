// The identifier validators, one per identifier, each returning a Validation with a stable code.
// Only re-exports: this module must never hold rules of its own.

export { VALIDATION_CODES, type Validation, type ValidationCode } from "./result";
export { validateResidentIdNumber } from "./resident-id-number";
export { validateUscc } from "./uscc";
export { validateRegistrationNumber } from "./registration-number";
export { validateBankCardNumber } from "./bank-card-number";
export { validateMobileNumber } from "./mobile-number";
export { validateBankBranchCode } from "./bank-branch-code";
export { validatePersonName } from "./person-name";
export { validateCredentialCode, type CredentialCode } from "./credential-code";
