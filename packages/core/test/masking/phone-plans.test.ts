import { type CountryCode, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { digitsOf } from '../../src/masking/char-codes';
import { isInternationalPhone, isNationalPhone, nationalPlanOf } from '../../src/masking/phone';
import { buildLookAlikes } from './corpus/look-alikes';
import { buildPhoneSamples } from './corpus/phones';
import { createRandom } from './corpus/random';

/**
 * phone-plans.ts follows libphonenumber-js' parsing steps on its metadata with compiled patterns.
 * These oracles ask the library itself; the two must agree everywhere.
 */

const NOT_PERSONAL = new Set(['PAGER', 'UAN', 'VOICEMAIL']);

const libraryInternational = (digits: string): boolean => {
  if (digits.length < 6 || digits.length > 17) {
    return false;
  }
  const number = parsePhoneNumberFromString(`+${digits}`);
  return number?.isPossible() === true;
};

const libraryNational = (digits: string, region: CountryCode): boolean => {
  const plan = nationalPlanOf(region);
  if (digits.length < plan.minDigits || digits.length > plan.maxDigits) {
    return false;
  }
  const number = parsePhoneNumberFromString(digits, region);
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
    return false;
  }
  return digitsOf(formatted) === digits;
};

describe('compiled numbering plans agree with libphonenumber-js', () => {
  const random = createRandom(99);
  const regions = getCountries();
  const national: [string, CountryCode][] = [];
  const international: string[] = [];

  for (const sample of buildPhoneSamples(random).samples) {
    const digits = digitsOf(sample.value);
    if (sample.defaultRegion === undefined) {
      international.push(sample.value.startsWith('00') ? digits.slice(2) : digits);
    } else {
      const prefix = nationalPlanOf(sample.region).nationalPrefix;
      // As written, in another region, without the trunk prefix, and with it doubled or added.
      national.push(
        [digits, sample.region],
        [digits, random.pick(regions)],
        [`${prefix}${digits}`, sample.region],
      );
      if (prefix !== '' && digits.startsWith(prefix)) {
        national.push([digits.slice(prefix.length), sample.region]);
      }
    }
  }
  for (const lookAlike of buildLookAlikes(random, 6)) {
    for (const run of lookAlike.text.match(/\d[\d .\-/()]*\d/g) ?? []) {
      const digits = digitsOf(run);
      international.push(digits);
      for (const region of ['US', 'GB', 'DE', 'SE', 'NL', 'FR', 'ES'] as const) {
        national.push([digits, region]);
      }
    }
  }
  for (let k = 0; k < 6000; k++) {
    const region = random.pick(regions);
    const prefix = random.pick(['', '', '0', '00', '011', '8', '1', nationalPlanOf(region).callingCode]);
    const digits = prefix + random.digits(random.int(3, 14));
    national.push([digits, region]);
    international.push(digits);
  }

  it(`reads ${national.length} national candidates the same way`, () => {
    const differences = national
      .filter(
        ([digits, region]) =>
          isNationalPhone(digits, nationalPlanOf(region)) !== libraryNational(digits, region),
      )
      .map(([digits, region]) => `${region} ${digits}`);
    expect(differences).toEqual([]);
  });

  it(`reads ${international.length} international candidates the same way`, () => {
    const differences = international.filter(
      (digits) => isInternationalPhone(digits) !== libraryInternational(digits),
    );
    expect(differences).toEqual([]);
  });
});
