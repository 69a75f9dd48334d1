export { detectSensitiveData } from './detect-sensitive-data';
export { applyMasks, MASK_CHARACTER, maskSensitiveData, maskValue } from './mask-sensitive-data';
export { regionOfPhoneNumber, toPhoneRegion } from './phone';
export { ISO_REGION_CODES, isRegionCode } from './regions';
export type { DetectSensitiveDataOptions, Finding, NationalIdKind, SensitiveType } from './types';
