import { type CountryCode, Metadata } from 'libphonenumber-js/max';

/**
 * libphonenumber-js' numbering plans (its "max" metadata), with their patterns compiled once.
 *
 * Why not call `parsePhoneNumberFromString` for every candidate: the library builds a `new
 * RegExp` from the metadata strings on every match; on a stream of messages from many countries
 * that measured 6 to 40 µs per number (Node 20), more than masking the rest of the message, where
 * these compiled plans take well under a microsecond. The functions below take the same metadata and follow the library's own
 * steps (the files named in each comment, libphonenumber-js 1.13), so the answers are the
 * library's; a test holds them equal to the library on every example number and on thousands of
 * look-alikes.
 */

/** What libphonenumber-js' NumberingPlan offers at run time (its typings show only a part). */
interface RawType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface RawFormat {
  pattern(): string;
  format(): string;
  leadingDigitsPatterns(): string[];
  nationalPrefixFormattingRule(): string | undefined;
}
interface RawPlan {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  formats(): RawFormat[];
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(name: string): RawType | undefined;
}
interface RawMetadata {
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan?: RawPlan;
  hasCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

interface TypePlan {
  readonly name: string;
  readonly pattern: RegExp;
  readonly lengths: readonly number[] | undefined;
}

interface FormatPlan {
  readonly whole: RegExp;
  readonly pattern: RegExp;
  readonly leading: RegExp | undefined;
  readonly nationalTemplate: string;
  /**
   * When the national format is digits put before the groups, in order (`0$1 $2 $3`,
   * `8 ($1) $2-$3`, `$1 $2`): those digits. The formatted number's digits are then these and the
   * national number; undefined when the format drops, reorders or inserts digits (Argentina's 15).
   */
  readonly addedDigits: string | undefined;
  /** The national format adds characters other than digits (spaces, dashes, brackets). */
  readonly separated: boolean;
}

export interface Plan {
  readonly callingCode: string;
  /** The calling code as a number, to index the memos below without converting it. */
  readonly callingCodeValue: number;
  readonly idd: RegExp | undefined;
  readonly nationalNumber: RegExp;
  readonly possibleLengths: readonly number[] | undefined;
  readonly nationalPrefix: string;
  readonly prefixForParsing: RegExp | undefined;
  readonly prefixTransform: string | undefined;
  readonly leadingDigits: RegExp | undefined;
  readonly hasTypes: boolean;
  readonly fixedLine: TypePlan | undefined;
  /** getNumberType.js: FIXED_LINE_OR_MOBILE when the mobile type is missing or has an empty pattern. */
  readonly otherTypes: readonly TypePlan[];
  readonly formats: readonly FormatPlan[];
  /**
   * Every national format only groups the digits (`$1 $2 $3` over a pattern of capturing groups):
   * then a national number's formatted digits are its own digits, and formatting can be skipped.
   */
  readonly formatsKeepDigits: boolean;
}

/** getNumberType.js, NON_FIXED_LINE_PHONE_TYPES, in its order. */
const OTHER_TYPES = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/** formatNationalNumberUsingFormat.js */
const FIRST_GROUP_PATTERN = /(\$\d)/;

const whole = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);
const leading = (pattern: string): RegExp => new RegExp(`^(?:${pattern})`);

const compileType = (raw: RawPlan, name: string): TypePlan | undefined => {
  const type = raw.type(name);
  const pattern = type?.pattern();
  // isNumberTypeEqualTo: a missing type or an empty pattern never matches.
  return type === undefined || !pattern
    ? undefined
    : { name, pattern: whole(pattern), lengths: type.possibleLengths() };
};

/**
 * The digits a format puts before its groups, if it only does that: the pattern is capturing
 * groups covering the number (`(\d{3})(\d{2})(\d{2})`), the template uses each once, in order, and
 * has digits only before the first (`0$1 $2 $3`).
 */
const addedDigitsOf = (pattern: string, template: string): string | undefined => {
  if (!/^(?:\((?!\?)[^()]*\))+$/.test(pattern)) {
    return undefined;
  }
  const groups = pattern.split('(').length - 1;
  const references = template.match(/\$\d/g) ?? [];
  if (references.length !== groups || !references.every((ref, k) => ref === `$${k + 1}`)) {
    return undefined;
  }
  const first = template.indexOf('$1');
  if (/\d/.test(template.slice(first).replace(/\$\d/g, ''))) {
    return undefined;
  }
  return template.slice(0, first).replace(/\D/g, '');
};

const compile = (raw: RawPlan): Plan => {
  const idd = raw.IDDPrefix();
  const forParsing = raw.nationalPrefixForParsing();
  const leadingDigits = raw.leadingDigits();
  const formats = raw.formats().map((format) => {
    const patterns = format.leadingDigitsPatterns();
    const rule = format.nationalPrefixFormattingRule();
    const nationalTemplate = rule ? format.format().replace(FIRST_GROUP_PATTERN, rule) : format.format();
    return {
      whole: whole(format.pattern()),
      pattern: new RegExp(format.pattern()),
      leading: patterns.length > 0 ? leading(patterns[patterns.length - 1]!) : undefined,
      nationalTemplate,
      addedDigits: addedDigitsOf(format.pattern(), nationalTemplate),
      separated: /[^\d$]/.test(nationalTemplate),
    };
  });
  return {
    callingCode: raw.callingCode(),
    callingCodeValue: Number(raw.callingCode()),
    idd: idd ? leading(idd) : undefined,
    nationalNumber: whole(raw.nationalNumberPattern()),
    possibleLengths: raw.possibleLengths(),
    nationalPrefix: raw.nationalPrefix() ?? '',
    prefixForParsing: forParsing ? leading(forParsing) : undefined,
    prefixTransform: raw.nationalPrefixTransformRule() || undefined,
    leadingDigits: leadingDigits ? leading(leadingDigits) : undefined,
    hasTypes: raw.hasTypes(),
    fixedLine: compileType(raw, 'FIXED_LINE'),
    otherTypes: OTHER_TYPES.map((name) => compileType(raw, name)).filter(
      (t): t is TypePlan => t !== undefined,
    ),
    formats,
    formatsKeepDigits: formats.every((format) => format.addedDigits === ''),
  };
};

const metadata = (): RawMetadata => new Metadata() as unknown as RawMetadata;

/** A memo of values derived from the bundled, immutable metadata: not state, only saved work. */
const plans = new Map<string, Plan>();

/** The plan of a region (`SE`) or of a calling code (`46`, `800`): its main country's, or the non-geographic one. */
export const planOf = (countryOrCallingCode: string): Plan => {
  let plan = plans.get(countryOrCallingCode);
  if (plan === undefined) {
    const m = metadata();
    m.selectNumberingPlan(countryOrCallingCode);
    plan = compile(m.numberingPlan!);
    plans.set(countryOrCallingCode, plan);
  }
  return plan;
};

/** Indexed by the calling code's value (1 to 999; none begins with 0): a memo, not state. */
const callingCodes: ((readonly (readonly [string, Plan])[] | null) | undefined)[] = [];
const callingCodePlans: (Plan | undefined)[] = [];

/**
 * The regions of a calling code with their plans (`1` → US, AG, AI, ...), none for a
 * non-geographic one (`800`), or null when it is no calling code.
 */
const regionsOf = (index: number): readonly (readonly [string, Plan])[] | null => {
  let regions = callingCodes[index];
  if (regions === undefined) {
    const callingCode = String(index);
    const m = metadata();
    regions = m.hasCallingCode(callingCode)
      ? (m.getCountryCodesForCallingCode(callingCode) ?? []).map(
          (region) => [region, planOf(region)] as const,
        )
      : null;
    callingCodes[index] = regions;
  }
  return regions;
};

/** The plan of a calling code: its main country's, or the non-geographic one. */
const planOfCallingCode = (index: number): Plan => {
  let plan = callingCodePlans[index];
  if (plan === undefined) {
    plan = planOf(String(index));
    callingCodePlans[index] = plan;
  }
  return plan;
};

const POSSIBLE = 0;
const TOO_SHORT = 1;
const TOO_LONG = 2;
const INVALID_LENGTH = 3;

/** checkNumberLength.js (no type): the plan's possible lengths of a national significant number. */
const checkLength = (national: string, plan: Plan): number => checkLengthOf(national.length, plan);

/** checkLength of a national significant number of `n` digits: only its length counts. */
const checkLengthOf = (n: number, plan: Plan): number => {
  const lengths = plan.possibleLengths;
  if (!lengths) {
    return POSSIBLE;
  }
  if (lengths[0] === n) {
    return POSSIBLE;
  }
  if (lengths[0]! > n) {
    return TOO_SHORT;
  }
  if (lengths[lengths.length - 1]! < n) {
    return TOO_LONG;
  }
  return lengths.indexOf(n, 1) >= 0 ? POSSIBLE : INVALID_LENGTH;
};

const typeMatches = (national: string, type: TypePlan | undefined): boolean =>
  type !== undefined &&
  (!type.lengths || type.lengths.includes(national.length)) &&
  type.pattern.test(national);

/** getNumberType.js: the type of a national significant number in `plan`, or undefined if invalid. */
export const numberTypeOf = (national: string, plan: Plan): string | undefined => {
  if (!plan.nationalNumber.test(national)) {
    return undefined;
  }
  if (typeMatches(national, plan.fixedLine)) {
    return 'FIXED_LINE';
  }
  for (const type of plan.otherTypes) {
    if (typeMatches(national, type)) {
      return type.name;
    }
  }
  return undefined;
};

/** isValid.js */
export const isValidNational = (national: string, plan: Plan): boolean =>
  plan.hasTypes ? numberTypeOf(national, plan) !== undefined : plan.nationalNumber.test(national);

/** getCountryByCallingCode.js and getCountryByNationalNumber.js: the region and its plan. */
const regionByCallingCode = (callingCode: number, national: string): readonly [string, Plan] | undefined => {
  const regions = regionsOf(callingCode);
  if (regions === null || regions.length === 0) {
    return undefined;
  }
  if (regions.length === 1) {
    return regions[0];
  }
  for (const entry of regions) {
    const plan = entry[1];
    if (plan.leadingDigits !== undefined) {
      if (plan.leadingDigits.test(national)) {
        return entry;
      }
    } else if (numberTypeOf(national, plan) !== undefined) {
      return entry;
    }
  }
  return undefined;
};

/** extractNationalNumber.js and extractNationalNumberFromPossiblyIncompleteNumber.js, without carrier codes. */
export const extractNationalNumber = (number: string, plan: Plan): string => {
  const prefix = plan.prefixForParsing;
  if (prefix === undefined) {
    return number;
  }
  const match = prefix.exec(number);
  if (match === null) {
    return number;
  }
  const captured = match.length - 1;
  const hasCaptured = captured > 0 && Boolean(match[captured]);
  const national =
    plan.prefixTransform !== undefined && hasCaptured
      ? number.replace(prefix, plan.prefixTransform)
      : number.slice(match[0].length);
  if (national === number) {
    return number;
  }
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(national)) {
    return number;
  }
  if (plan.possibleLengths) {
    const length = regionCheckLength(plan, national);
    if (length === TOO_SHORT || length === INVALID_LENGTH) {
      return number;
    }
  }
  return national;
};

/**
 * Per calling code (indexed by its value), per length of a national significant number: the
 * checkLength verdict that the calling code's main plan and every one of its regions' plans
 * agree on, or -1 where they differ. Derived from the bundled metadata: a memo, not state.
 */
const agreedLengths: (Int8Array | undefined)[] = [];

const agreedLength = (plan: Plan, n: number): number => {
  const index = plan.callingCodeValue;
  let table = agreedLengths[index];
  if (table === undefined) {
    const plans = [planOfCallingCode(index), ...(regionsOf(index) ?? []).map((entry) => entry[1])];
    table = new Int8Array(MAX_NATIONAL + 1);
    for (let k = 0; k <= MAX_NATIONAL; k++) {
      const verdict = checkLengthOf(k, plans[0]!);
      table[k] = plans.every((other) => checkLengthOf(k, other) === verdict) ? verdict : -1;
    }
    agreedLengths[index] = table;
  }
  return n <= MAX_NATIONAL ? table[n]! : -1;
};

/**
 * checkLength of `national` in the plan of its region among the calling code's (getCountryByCallingCode
 * and getCountryByNationalNumber), the calling code's main plan when none is found. Where every plan
 * of the calling code agrees on the length, the region is not looked for: its answer is the same.
 */
const regionCheckLength = (plan: Plan, national: string): number => {
  const agreed = agreedLength(plan, national.length);
  if (agreed >= 0) {
    return agreed;
  }
  const region = regionByCallingCode(plan.callingCodeValue, national);
  return checkLength(national, region === undefined || region[0] === '001' ? plan : region[1]);
};

/** A number as libphonenumber-js parses it: calling code, national significant number, the plan of its region. */
export interface ParsedNumber {
  readonly callingCode: string;
  readonly national: string;
  readonly plan: Plan;
}

/** parse.js limits on the national significant number. */
const MIN_NATIONAL = 2;
const MAX_NATIONAL = 17;

/** The number after its calling code, read in the plan of the calling code's main region. */
const finish = (number: string, plan: Plan): ParsedNumber | undefined => {
  const national = extractNationalNumber(number, plan);
  if (national.length < MIN_NATIONAL || national.length > MAX_NATIONAL) {
    return undefined;
  }
  const region = regionByCallingCode(plan.callingCodeValue, national);
  return {
    callingCode: plan.callingCode,
    national,
    plan: region === undefined || region[0] === '001' ? plan : region[1],
  };
};

/** extractCountryCallingCode.js, for digits written after `+` (or an international call prefix). */
export const parseInternational = (digits: string): ParsedNumber | undefined => {
  if (digits.charCodeAt(0) === 48) {
    return undefined;
  }
  let value = 0;
  for (let i = 1; i <= 3 && i <= digits.length; i++) {
    value = value * 10 + (digits.charCodeAt(i - 1) - 48);
    if (knownCallingCode(value)) {
      return finish(digits.slice(i), planOfCallingCode(value));
    }
  }
  return undefined;
};

/**
 * isPossibleNational(parseInternational(digits)), without looking for the number's region where
 * the plans of its calling code agree on its length (the possible reading needs only the length).
 */
export const isPossibleInternational = (digits: string): boolean => {
  if (digits.charCodeAt(0) === 48) {
    return false;
  }
  let value = 0;
  for (let i = 1; i <= 3 && i <= digits.length; i++) {
    value = value * 10 + (digits.charCodeAt(i - 1) - 48);
    if (knownCallingCode(value)) {
      const plan = planOfCallingCode(value);
      const national = extractNationalNumber(digits.slice(i), plan);
      return (
        national.length >= MIN_NATIONAL &&
        national.length <= MAX_NATIONAL &&
        regionCheckLength(plan, national) === POSSIBLE
      );
    }
  }
  return false;
};

/** Whether `value` (1 to 999) is a calling code, without building its string once it has been asked. */
const knownCallingCode = (value: number): boolean => {
  const regions = callingCodes[value];
  return regions === undefined ? regionsOf(value) !== null : regions !== null;
};

export type NationalReading =
  | { readonly kind: 'national'; readonly number: ParsedNumber }
  | { readonly kind: 'idd'; readonly number: ParsedNumber }
  | { readonly kind: 'calling-code-without-plus' }
  | { readonly kind: 'none' };

/**
 * parse.js with a default region: an international call prefix (stripIddPrefix.js), the
 * region's own calling code written without `+`
 * (extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js), or a national number.
 */
export const parseWithRegion = (digits: string, region: CountryCode): NationalReading => {
  const plan = planOf(region);
  const idd = plan.idd?.exec(digits);
  if (idd && idd.index === 0) {
    const rest = digits.slice(idd[0].length);
    if (rest.charCodeAt(0) !== 48) {
      const number = parseInternational(rest);
      return number === undefined ? { kind: 'none' } : { kind: 'idd', number };
    }
  }
  if (digits.startsWith(plan.callingCode)) {
    const full = extractNationalNumber(digits, plan);
    const shorter = extractNationalNumber(digits.slice(plan.callingCode.length), plan);
    if (
      (!plan.nationalNumber.test(full) && plan.nationalNumber.test(shorter)) ||
      checkLength(full, plan) === TOO_LONG
    ) {
      return { kind: 'calling-code-without-plus' };
    }
  }
  const number = finish(digits, plan);
  return number === undefined ? { kind: 'none' } : { kind: 'national', number };
};

/** isPossible.js */
export const isPossibleNational = (number: ParsedNumber): boolean =>
  checkLength(number.national, number.plan) === POSSIBLE;

/** format.js, chooseFormatForNumber: the format the library would use, or undefined. */
export const nationalFormatOf = (number: ParsedNumber): FormatPlan | undefined => {
  const { national, plan } = number;
  for (const format of plan.formats) {
    if ((format.leading === undefined || format.leading.test(national)) && format.whole.test(national)) {
      return format;
    }
  }
  return undefined;
};

/** format.js, formatNationalNumberUsingFormat: the national format (`070-123 45 67`). */
export const formatNational = (number: ParsedNumber, format = nationalFormatOf(number)): string =>
  format === undefined ? number.national : number.national.replace(format.pattern, format.nationalTemplate);

export type { FormatPlan };
