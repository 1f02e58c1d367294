export { addressesMachine } from './assistant-notes';
export { asksForCredentials } from './credentials';
export { overridesInstructions } from './instructions';
export { changesBankDetails, redirectsMoney } from './payments';
