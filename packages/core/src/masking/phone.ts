import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { digitsOf } from './char-codes';
import {
  formatNational,
  isPossibleInternational,
  isValidNational,
  nationalFormatOf,
  numberTypeOf,
  parseWithRegion,
  planOf,
} from './phone-plans';

/**
 * Phone numbers, read with libphonenumber-js' full ("max") metadata: the numbering plans of every
 * country, kept current by the library, instead of a table of our own (architecture.md, "Chosen
 * dependencies"). phone-plans.ts follows the library's parsing steps on that metadata with
 * compiled patterns; the rules below decide what counts as a phone number in a message.
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

/** A memo of region spellings already looked up (`se`, `SE`, `XX`): not state, only saved work. */
const regions = new Map<string, CountryCode | null>();

/** The region as libphonenumber-js knows it, or undefined (unknown regions are ignored). */
export const toPhoneRegion = (region: string | undefined): CountryCode | undefined => {
  if (region === undefined) {
    return undefined;
  }
  let known = regions.get(region);
  if (known === undefined) {
    const upper = region.toUpperCase();
    known = isSupportedCountry(upper) ? upper : null;
    if (regions.size < 1000) {
      regions.set(region, known);
    }
  }
  return known ?? undefined;
};

export interface NationalPlan {
  readonly region: CountryCode;
  readonly callingCode: string;
  /** The trunk prefix dialled before a national number (`0` in most of Europe, `1` in NANP), or ''. */
  readonly nationalPrefix: string;
  readonly minDigits: number;
  readonly maxDigits: number;
}

/** A memo of values derived from the bundled, immutable metadata: not state, only saved work. */
const nationalPlans = new Map<CountryCode, NationalPlan>();

/** How numbers of `region` are written nationally. */
export const nationalPlanOf = (region: CountryCode): NationalPlan => {
  let national = nationalPlans.get(region);
  if (national === undefined) {
    const plan = planOf(region);
    const lengths = plan.possibleLengths ?? [2, 17];
    national = {
      region,
      callingCode: plan.callingCode,
      nationalPrefix: plan.nationalPrefix,
      minDigits: Math.min(...lengths),
      maxDigits: Math.max(...lengths) + NATIONAL_PREFIX_ROOM,
    };
    nationalPlans.set(region, national);
  }
  return national;
};

/** What the detector needs of a default region, looked up once per spelling. */
export interface RegionReading {
  readonly region: CountryCode | undefined;
  readonly plan: NationalPlan | undefined;
  /** A lone run of at most this many digits is no value (detect-sensitive-data.ts). */
  readonly shortRun: number;
  /** The fewest digits any detector can use: international numbers have at least six. */
  readonly minDigits: number;
}

const NO_REGION: RegionReading = { region: undefined, plan: undefined, shortRun: 5, minDigits: 6 };

/** A memo of region spellings already read (`se`, `SE`, `XX`), and the last one: saved work, not state. */
const readings = new Map<string, RegionReading>();
let lastSpelling: string | undefined;
let lastReading: RegionReading = NO_REGION;

/** The reading of a default region as a caller spells it; unknown regions read as none. */
export const regionReadingOf = (spelling: string | undefined): RegionReading => {
  if (spelling === undefined) {
    return NO_REGION;
  }
  if (spelling === lastSpelling) {
    return lastReading;
  }
  let reading = readings.get(spelling);
  if (reading === undefined) {
    const region = toPhoneRegion(spelling);
    if (region === undefined) {
      reading = NO_REGION;
    } else {
      const plan = nationalPlanOf(region);
      reading = {
        region,
        plan,
        shortRun: Math.min(5, plan.minDigits - 1),
        minDigits: Math.min(6, plan.minDigits),
      };
    }
    if (readings.size < 1000) {
      readings.set(spelling, reading);
    }
  }
  lastSpelling = spelling;
  lastReading = reading;
  return reading;
};

/**
 * A memo of phone verdicts: the digits after `+` or `00` (international), or the region's letters
 * and the digits (national), to whether they read as a phone number. Both readings depend on the
 * digits and the bundled, immutable metadata only, so a remembered verdict is the verdict; the
 * server masks each message once per viewer and again on every catch-up read, so the same numbers
 * come back. Saved work, not state: bounded, and emptied whole when full (the plans' patterns cost
 * 0.3 to 3 µs a number; a lookup well under 0.1 µs).
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 4096;

/**
 * Empties the memo of phone verdicts. For benchmarks and tests only: a benchmark that masks the
 * same lines round after round would otherwise time lookups of verdicts from earlier rounds.
 */
export const forgetPhoneVerdicts = (): void => {
  verdicts.clear();
};

const remember = (key: string, verdict: boolean): void => {
  if (verdicts.size >= MAX_VERDICTS) {
    verdicts.clear();
  }
  verdicts.set(key, verdict);
};

/**
 * A number written in international form, given its digits after `+` or `00`. Errs toward
 * masking: a possible number (right length for the country code) is enough, as the seeds mask
 * `+1 (123) 456 7890`, which no North American plan would route (area code 123 does not exist).
 */
export const isInternationalPhone = (digits: string): boolean => {
  const known = verdicts.get(digits);
  if (known !== undefined) {
    return known;
  }
  const verdict = readsAsInternationalPhone(digits);
  remember(digits, verdict);
  return verdict;
};

/** isInternationalPhone without the memo: the plain reading, kept for the tests to hold the memo to. */
export const readsAsInternationalPhone = (digits: string): boolean => {
  if (digits.length < INTERNATIONAL_MIN_DIGITS || digits.length > INTERNATIONAL_MAX_DIGITS) {
    return false;
  }
  return isPossibleInternational(digits);
};

/**
 * A number written in national form in `plan.region` (`070-123 45 67` in SE). A bare digit string
 * has no checksum, so this is strict where the international reading is lenient:
 * - the number must be valid (a real range of the plan), not only of a possible length;
 * - it must be written as the country writes it: the digits of its national format (which carries
 *   the trunk prefix where the country dials one), or the trunk prefix and the national number
 *   (`1-800-555-1234`), or the region's international call prefix and a foreign number
 *   (`011 46 70 123 45 67` from the US). Sweden writes `070-123 45 67`, so an order number
 *   `12345678` (a valid Norrköping number once a `0` is put before it) is not read as a phone;
 *   nor is a number that merely begins with the country code (`4960...` in Germany).
 */
export const isNationalPhone = (digits: string, plan: NationalPlan): boolean => {
  if (digits.length < plan.minDigits || digits.length > plan.maxDigits) {
    return false;
  }
  // The region's two letters before the digits: no international key (digits only) can equal it.
  const key = plan.region + digits;
  const known = verdicts.get(key);
  if (known !== undefined) {
    return known;
  }
  const verdict = readsAsNationalPhone(digits, plan);
  remember(key, verdict);
  return verdict;
};

/** isNationalPhone without the memo: the plain reading, kept for the tests to hold the memo to. */
export const readsAsNationalPhone = (digits: string, plan: NationalPlan): boolean => {
  if (digits.length < plan.minDigits || digits.length > plan.maxDigits) {
    return false;
  }
  const reading = parseWithRegion(digits, plan.region);
  if (reading.kind === 'idd') {
    const { number } = reading;
    return (
      number.callingCode !== plan.callingCode &&
      isValidNational(number.national, number.plan) &&
      digits.length > number.national.length + number.callingCode.length
    );
  }
  if (reading.kind !== 'national') {
    return false;
  }
  const { number } = reading;
  const type = number.plan.hasTypes ? numberTypeOf(number.national, number.plan) : undefined;
  if (number.plan.hasTypes ? type === undefined : !isValidNational(number.national, number.plan)) {
    return false;
  }
  if (plan.nationalPrefix !== '' && digits === plan.nationalPrefix + number.national) {
    return true;
  }
  if (number.plan.formatsKeepDigits && plan.nationalPrefix === '') {
    return number.national === digits; // formatting would only add spaces (phone-plans.ts)
  }
  const format = nationalFormatOf(number);
  if (format === undefined) {
    // No format of the plan applies and the range is a service, not a subscriber: German pager
    // numbers `16...` are written with their trunk prefix, so a bare `1642` is a time or a room.
    return number.national === digits && !(plan.nationalPrefix !== '' && NOT_PERSONAL.has(type ?? ''));
  }
  if (format.addedDigits !== undefined && format.separated) {
    return format.addedDigits + number.national === digits;
  }
  const formatted = formatNational(number, format);
  if (formatted === digits && plan.nationalPrefix !== '' && NOT_PERSONAL.has(type ?? '')) {
    return false;
  }
  return digitsOf(formatted) === digits;
};

/**
 * The region of a phone number in E.164 form (the customer's own number, or an entry point's),
 * to pass as `defaultRegion`. Undefined when the number cannot be read or its calling code is
 * shared and its digits name no one region, or is non-geographic (`+800`).
 */
export const regionOfPhoneNumber = ({ phoneNumber }: { phoneNumber: string }): string | undefined =>
  parsePhoneNumberFromString(phoneNumber)?.country;
