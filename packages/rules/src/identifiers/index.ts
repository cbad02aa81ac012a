export { isoCountryCodes, isValidCountryCode } from './countryCodes.js';
export { isValidInn, validateInn } from './inn.js';
export type { ValidateInnOptions } from './inn.js';
export { isValidKpp, validateKpp } from './kpp.js';
export { isValidOgrn, isValidOgrnip, validateOgrn, validateOgrnip } from './ogrn.js';
export { isValidPhone, normalizePhone, validatePhone } from './phone.js';
export { isValidSnils, normalizeSnils, validateSnils } from './snils.js';
export { isValidTrackingNumber, normalizeTrackingNumber, validateTrackingNumber } from './trackingNumber.js';
