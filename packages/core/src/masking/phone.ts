import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  Metadata,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { digitsOf } from './char-codes';

/**
 * Phone numbers, read with libphonenumber-js and its full ("max") metadata: the numbering plans of
 * every country, kept current by the library, instead of a table of our own (architecture.md,
 * "Chosen dependencies").
 */

/**
 * E.164 allows 15 digits, country code included (ITU-T E.164 §6.1), but libphonenumber's plans
 * accept longer German numbers (up to 15 national digits); its possible lengths decide.
 */
const INTERNATIONAL_MAX_DIGITS = 17;
/** The shortest numbers in the plans: country code and four digits (Niue `+683 4002`, Vienna `+43 1 114`). */
const INTERNATIONAL_MIN_DIGITS = 6;
/** Number types that are not how a customer can be reached. */
const NOT_PERSONAL: ReadonlySet<string> = new Set(['PAGER', 'UAN', 'VOICEMAIL']);

/** Room for a written national prefix (`0`, `8`, `1`) and Argentina's mobile `15`. */
const NATIONAL_PREFIX_ROOM = 3;

/** The region as libphonenumber-js knows it, or undefined (unknown regions are ignored). */
export const toPhoneRegion = (region: string | undefined): CountryCode | undefined => {
  if (region === undefined) {
    return undefined;
  }
  const upper = region.toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
};

export interface NationalPlan {
  readonly region: CountryCode;
  readonly callingCode: string;
  /** The trunk prefix dialled before a national number (`0` in most of Europe, `1` in NANP), or ''. */
  readonly nationalPrefix: string;
  readonly minDigits: number;
  readonly maxDigits: number;
}

/** `nationalPrefix()` exists on libphonenumber-js' numbering plan but is missing from its typings. */
interface PlanWithPrefix {
  nationalPrefix?: () => string | undefined;
}

const readNationalPlan = (region: CountryCode): NationalPlan => {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(region);
  const numberingPlan = metadata.numberingPlan;
  const lengths = numberingPlan?.possibleLengths() ?? [];
  return {
    region,
    callingCode: getCountryCallingCode(region),
    nationalPrefix: (numberingPlan as PlanWithPrefix | undefined)?.nationalPrefix?.() ?? '',
    minDigits: Math.min(...lengths),
    maxDigits: Math.max(...lengths) + NATIONAL_PREFIX_ROOM,
  };
};

/** A memo of values derived from the bundled, immutable metadata: not state, only saved work. */
const plans = new Map<CountryCode, NationalPlan>();

/** How numbers of `region` are written nationally. */
export const nationalPlanOf = (region: CountryCode): NationalPlan => {
  let plan = plans.get(region);
  if (plan === undefined) {
    plan = readNationalPlan(region);
    plans.set(region, plan);
  }
  return plan;
};

/**
 * A number written in international form, given its digits after `+` or `00`. Errs toward
 * masking: a possible number (right length for the country code) is enough, as the seeds mask
 * `+1 (123) 456 7890`, which no North American plan would route (area code 123 does not exist).
 */
export const isInternationalPhone = (digits: string): boolean => {
  if (digits.length < INTERNATIONAL_MIN_DIGITS || digits.length > INTERNATIONAL_MAX_DIGITS) {
    return false;
  }
  const number = parsePhoneNumberFromString(`+${digits}`);
  return number !== undefined && number.isPossible();
};

/**
 * A number written in national form in `plan.region` (`070-123 45 67` in SE). A bare digit string
 * has no checksum, so this is strict where the international reading is lenient:
 * - the number must be valid (a real range of the plan), not only of a possible length;
 * - it must be written as the country writes it: the digits of its national format
 *   (`formatNational`, which carries the trunk prefix where the country dials one), or the trunk
 *   prefix and the national number (`1-800-555-1234`), or the region's international call prefix
 *   and a foreign number (`011 46 70 123 45 67` from the US). Sweden writes `070-123 45 67`, so
 *   an order number `12345678` (a valid Norrköping number once a `0` is put before it) is not
 *   read as a phone; nor is a number that merely begins with the country code (`4960...`).
 */
export const isNationalPhone = (digits: string, plan: NationalPlan): boolean => {
  if (digits.length < plan.minDigits || digits.length > plan.maxDigits) {
    return false;
  }
  const number = parsePhoneNumberFromString(digits, plan.region);
  if (number === undefined || !number.isValid()) {
    return false;
  }
  if (number.countryCallingCode !== plan.callingCode) {
    return digits.length > number.nationalNumber.length + number.countryCallingCode.length;
  }
  if (plan.nationalPrefix !== '' && digits === plan.nationalPrefix + number.nationalNumber) {
    return true;
  }
  const formatted = number.formatNational();
  if (formatted === digits && plan.nationalPrefix !== '' && NOT_PERSONAL.has(number.getType() ?? '')) {
    // No format of the plan applies and the range is a service, not a subscriber: German pager
    // numbers `16...` are written with their trunk prefix, so a bare `1642` is a time or a room.
    return false;
  }
  return digitsOf(formatted) === digits;
};

/**
 * The region of a phone number in E.164 form (the customer's own number, or an entry point's),
 * to pass as `defaultRegion`. Undefined when the number is not valid or belongs to no region.
 */
export const regionOfPhoneNumber = ({ phoneNumber }: { phoneNumber: string }): string | undefined =>
  parsePhoneNumberFromString(phoneNumber)?.country;
