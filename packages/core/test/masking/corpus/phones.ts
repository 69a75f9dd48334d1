import examples from 'libphonenumber-js/examples.mobile.json';
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  Metadata,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import type { Random } from './random';
import { samplePattern } from './sample-pattern';

/**
 * Phone numbers of every region libphonenumber-js knows: its example mobile number, and a
 * fixed-line number drawn from the region's fixed-line pattern in the max metadata (the library
 * ships examples of mobile numbers only), each written in several international and national ways.
 */

export interface PhoneSample {
  readonly region: CountryCode;
  readonly line: 'mobile' | 'fixed_line';
  readonly form: string;
  readonly value: string;
  /** The region to read the value with; undefined for international forms. */
  readonly defaultRegion: CountryCode | undefined;
}

interface TypedPlan {
  type(name: string): { pattern(): string } | undefined;
}

const fixedLineExample = (region: CountryCode, random: Random): PhoneNumber | undefined => {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(region);
  const plan = metadata.numberingPlan as unknown as TypedPlan;
  const pattern = plan.type('FIXED_LINE')?.pattern();
  if (pattern === undefined) {
    return undefined;
  }
  const callingCode = getCountryCallingCode(region);
  for (let attempt = 0; attempt < 200; attempt++) {
    const number = parsePhoneNumberFromString(`+${callingCode}${samplePattern(pattern, random)}`);
    const type = number?.getType();
    if (
      number?.isValid() &&
      number.country === region &&
      (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE')
    ) {
      return number;
    }
  }
  return undefined;
};

const groupsOf = (formatted: string): string[] => formatted.split(/[^0-9]+/).filter((g) => g.length > 0);

/** International forms: E.164, spaced, dashed, dotted, `00`, the first group in brackets. */
const internationalForms = (number: PhoneNumber): [string, string][] => {
  const spaced = number.formatInternational(); // +46 70 123 45 67
  const groups = groupsOf(spaced);
  const [cc, first, ...rest] = groups;
  const forms: [string, string][] = [
    ['e164', number.number],
    ['international', spaced],
    ['international-dashes', `+${groups.join('-')}`],
    ['international-dots', `+${groups.join('.')}`],
    ['00', `00${spaced.slice(1)}`],
  ];
  if (first !== undefined && rest.length > 0) {
    forms.push(['international-brackets', `+${cc} (${first}) ${rest.join(' ')}`]);
  }
  return forms;
};

/** National forms: as the country formats it, compact, dashed, dotted. */
const nationalForms = (number: PhoneNumber): [string, string][] => {
  const formatted = number.formatNational(); // 070-123 45 67
  const groups = groupsOf(formatted);
  const forms: [string, string][] = [
    ['national', formatted],
    ['national-compact', groups.join('')],
  ];
  if (groups.length > 1) {
    forms.push(['national-dashes', groups.join('-')], ['national-dots', groups.join('.')]);
  }
  return forms;
};

export interface PhoneCorpus {
  readonly samples: PhoneSample[];
  readonly regions: number;
  readonly regionsWithoutFixedLine: CountryCode[];
}

export const buildPhoneSamples = (random: Random): PhoneCorpus => {
  const samples: PhoneSample[] = [];
  const regionsWithoutFixedLine: CountryCode[] = [];
  const regions = getCountries();
  for (const region of regions) {
    const lines: ['mobile' | 'fixed_line', PhoneNumber | undefined][] = [
      ['mobile', getExampleNumber(region, examples)],
      ['fixed_line', fixedLineExample(region, random)],
    ];
    for (const [line, number] of lines) {
      if (number === undefined) {
        if (line === 'fixed_line') {
          regionsWithoutFixedLine.push(region);
        }
        continue;
      }
      for (const [form, value] of internationalForms(number)) {
        samples.push({ region, line, form, value, defaultRegion: undefined });
      }
      for (const [form, value] of nationalForms(number)) {
        samples.push({ region, line, form, value, defaultRegion: region });
      }
    }
  }
  return { samples, regions: regions.length, regionsWithoutFixedLine };
};
