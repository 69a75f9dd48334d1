import { countrySpecs, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { findIbanAt } from '../../src/masking/iban';
import { validIban } from './corpus/ibans';
import { createRandom } from './corpus/random';

/** iban.ts reads the country specifications itself; ibantools' validateIBAN is the oracle. */

const NOT_AN_IBAN = new Set([
  ValidationErrorsIBAN.NoIBANCountry,
  ValidationErrorsIBAN.WrongBBANLength,
  ValidationErrorsIBAN.WrongBBANFormat,
  ValidationErrorsIBAN.ChecksumNotNumber,
]);
const TOLERATED = new Set([
  ValidationErrorsIBAN.WrongAccountBankBranchChecksum,
  ValidationErrorsIBAN.QRIBANNotAllowed,
]);

const expected = (iban: string): 'none' | 'valid' | 'invalid' => {
  const { errorCodes } = validateIBAN(iban);
  if (errorCodes.some((e) => NOT_AN_IBAN.has(e))) {
    return 'none';
  }
  return errorCodes.every((e) => TOLERATED.has(e)) ? 'valid' : 'invalid';
};

const actual = (iban: string): 'none' | 'valid' | 'invalid' => {
  const match = findIbanAt(iban, 0);
  if (match === undefined || match.end !== iban.length) {
    return 'none';
  }
  return match.valid ? 'valid' : 'invalid';
};

describe('IBAN reading agrees with ibantools', () => {
  const random = createRandom(5);
  const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const cases: string[] = [];
  for (const country of Object.keys(countrySpecs).filter(
    (c) => countrySpecs[c]!.chars && countrySpecs[c]!.bban_regexp,
  )) {
    for (let k = 0; k < 20; k++) {
      const iban = validIban(country, random);
      const at = random.int(2, iban.length - 1);
      cases.push(iban, iban.slice(0, at) + random.pick([...ALNUM]) + iban.slice(at + 1));
    }
  }

  it(`reads ${cases.length} valid and mutated IBANs of every country the same way`, () => {
    const differences = cases.filter((iban) => actual(iban) !== expected(iban));
    expect(differences).toEqual([]);
  });
});
