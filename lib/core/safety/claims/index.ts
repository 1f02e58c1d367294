export { screenDraftClaims } from './screen-draft-claims';
export { CLAIM_RULES, type ClaimHold, type ClaimRule, type ClaimsInput } from './types';
export { findCustomerIdentifiers } from './customer-identifiers';
