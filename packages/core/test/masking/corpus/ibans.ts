import { composeIBAN, countrySpecs, friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import type { Random } from './random';

/**
 * Valid IBANs of every country of the IBAN registry, built from ibantools' country specifications:
 * a random BBAN of the country's structure, the ISO 7064 MOD 97-10 check digits from
 * `composeIBAN`, and retries until the national BBAN check (where ibantools knows one) passes too.
 */

export interface IbanSample {
  readonly country: string;
  readonly form: 'electronic' | 'print';
  readonly value: string;
}

const ALPHABET: Record<string, string> = {
  '0-9': '0123456789',
  'A-Z': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'A-Z0-9': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  '0-9A-Z': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
};

/** A string matching a BBAN structure such as `^[0-9]{8}[A-Z0-9]{12}$`. */
const sampleBban = (structure: string, random: Random): string => {
  let out = '';
  for (const [, set, count] of structure.matchAll(/\[([^\]]+)\]\{(\d+)\}/g)) {
    const alphabet = ALPHABET[set!];
    if (alphabet === undefined) {
      throw new Error(`unknown BBAN character set ${set}`);
    }
    for (let k = 0; k < Number(count); k++) {
      out += random.pick([...alphabet]);
    }
  }
  return out;
};

export const registryCountries = (): string[] =>
  Object.entries(countrySpecs)
    .filter(
      ([, spec]) => spec.IBANRegistry === true && spec.chars !== undefined && spec.bban_regexp !== undefined,
    )
    .map(([country]) => country)
    .sort();

export const validIban = (country: string, random: Random): string => {
  const spec = countrySpecs[country]!;
  for (let attempt = 0; attempt < 5000; attempt++) {
    const iban = composeIBAN({ countryCode: country, bban: sampleBban(spec.bban_regexp!, random) });
    if (iban !== null && isValidIBAN(iban)) {
      return iban;
    }
  }
  throw new Error(`no valid IBAN generated for ${country}`);
};

export const buildIbanSamples = (random: Random, perCountry = 3): IbanSample[] => {
  const samples: IbanSample[] = [];
  for (const country of registryCountries()) {
    for (let k = 0; k < perCountry; k++) {
      const iban = validIban(country, random);
      samples.push({ country, form: 'electronic', value: iban });
      samples.push({ country, form: 'print', value: friendlyFormatIBAN(iban)! });
    }
  }
  return samples;
};
