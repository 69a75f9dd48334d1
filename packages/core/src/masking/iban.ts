import { countrySpecs, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { codeAt, isAsciiAlnumCode, isAsciiLetterCode, isSpaceCode, isWordCode } from './char-codes';

/**
 * International bank account numbers (ISO 13616-1), electronic (`DE89370400440532013000`) and
 * print form (`DE89 3704 0044 0532 0130 00`, groups of four). The country's length and BBAN
 * structure come from ibantools' country specifications (the SWIFT IBAN registry, plus the
 * countries that use IBAN-like numbers outside it); the check digits are ISO 7064 MOD 97-10.
 *
 * A national BBAN check digit that fails (ibantools' `WrongAccountBankBranchChecksum`) does not
 * stop masking: ISO 13616 makes mod 97 the IBAN's own check, and a value that passes it and has
 * the country's exact structure is an account number someone typed.
 */

const TOLERATED_ERRORS: ReadonlySet<ValidationErrorsIBAN> = new Set([
  ValidationErrorsIBAN.WrongAccountBankBranchChecksum,
  ValidationErrorsIBAN.QRIBANNotAllowed,
]);

/** Not the country's BBAN structure: these characters are not an IBAN, not even a mistyped one. */
const SHAPE_ERRORS: ReadonlySet<ValidationErrorsIBAN> = new Set([
  ValidationErrorsIBAN.NoIBANCountry,
  ValidationErrorsIBAN.WrongBBANLength,
  ValidationErrorsIBAN.WrongBBANFormat,
  ValidationErrorsIBAN.ChecksumNotNumber,
]);

const lengthOfCountry = (country: string): number | undefined => countrySpecs[country]?.chars;

const isSeparator = (c: number): boolean => isSpaceCode(c) || c === 45;

export interface IbanMatch {
  readonly end: number;
  readonly country: string;
  /**
   * False when the characters have the country's IBAN length and shape but fail the check: the
   * detector then skips them whole, so a mistyped IBAN is not read as a phone number piece by piece.
   */
  readonly valid: boolean;
}

/**
 * The IBAN whose country code starts at `p`, or undefined when nothing IBAN-shaped starts there.
 * The caller has seen two letters at `p` and a digit after them (directly, or after one space).
 * Print form is read as ISO 13616 writes it: groups of four, separated by single spaces.
 */
export const findIbanAt = (text: string, p: number): IbanMatch | undefined => {
  const country = text.slice(p, p + 2).toUpperCase();
  const length = lengthOfCountry(country);
  if (length === undefined) {
    return undefined;
  }
  let electronic = country;
  let q = p + 2;
  if (isSpaceCode(codeAt(text, q))) {
    q++;
  }
  while (electronic.length < length) {
    const c = codeAt(text, q);
    if (isAsciiAlnumCode(c)) {
      electronic += isAsciiLetterCode(c) ? String.fromCharCode(c & ~32) : text[q];
      q++;
    } else if (isSeparator(c) && electronic.length >= 4 && isAsciiAlnumCode(codeAt(text, q + 1))) {
      q++;
    } else {
      return undefined;
    }
  }
  if (isWordCode(codeAt(text, q))) {
    return undefined;
  }
  const { errorCodes } = validateIBAN(electronic);
  if (errorCodes.some((error) => SHAPE_ERRORS.has(error))) {
    return undefined;
  }
  const valid = errorCodes.every((error) => TOLERATED_ERRORS.has(error));
  return { end: q, country, valid };
};
