import type { NationalIdKind } from '../../../src/masking/types';
import { luhnCheckDigit, pad, type Random } from './random';
import type { Language } from './sentences';

/**
 * Valid identity numbers of the seeds' countries, computed from each country's published rule (the
 * same rules national-id.ts cites), in the ways they are written; and near misses that fail them.
 */

export interface IdSample {
  readonly kind: NationalIdKind;
  readonly form: string;
  readonly value: string;
  /** Written without a shape of its own: the sentence must name it (`BSN`, `personnummer`...). */
  readonly needsKeyword: boolean;
}

/** What customers call each number, in the language of the sentence. */
export const ID_NAMES: Record<NationalIdKind, Record<Language, readonly string[]>> = {
  us_ssn: {
    en: ['SSN', 'social security number'],
    de: ['SSN', 'US-Sozialversicherungsnummer'],
    sv: ['SSN', 'amerikanska personnummer'],
    nl: ['SSN', 'social security number'],
    fr: ['SSN', 'numéro de sécurité sociale américain'],
    es: ['SSN', 'número de seguro social'],
  },
  se_personnummer: {
    en: ['Swedish personnummer', 'personal identity number'],
    de: ['Personnummer', 'schwedische Personnummer'],
    sv: ['personnummer', 'personnr'],
    nl: ['Zweedse personnummer', 'personnummer'],
    fr: ['personnummer suédois', 'personnummer'],
    es: ['personnummer sueco', 'personnummer'],
  },
  nl_bsn: {
    en: ['BSN', 'Dutch citizen service number'],
    de: ['BSN', 'Burgerservicenummer'],
    sv: ['BSN', 'holländska BSN'],
    nl: ['BSN', 'burgerservicenummer', 'sofinummer'],
    fr: ['BSN', 'numéro BSN'],
    es: ['BSN', 'número BSN'],
  },
  es_dni: {
    en: ['DNI', 'Spanish ID number'],
    de: ['DNI', 'spanische Ausweisnummer'],
    sv: ['DNI', 'spanska id-nummer'],
    nl: ['DNI', 'Spaanse DNI'],
    fr: ['DNI', 'DNI espagnol'],
    es: ['DNI', 'documento de identidad'],
  },
  es_nie: {
    en: ['NIE', 'foreigner ID number'],
    de: ['NIE', 'spanische NIE'],
    sv: ['NIE', 'spanska NIE'],
    nl: ['NIE', 'Spaanse NIE'],
    fr: ['NIE', 'NIE espagnol'],
    es: ['NIE', 'número de identidad de extranjero'],
  },
  fr_nir: {
    en: ['French social security number', 'NIR'],
    de: ['französische Sozialversicherungsnummer', 'NIR'],
    sv: ['franska NIR', 'NIR'],
    nl: ['Franse NIR', 'NIR'],
    fr: ['numéro de sécurité sociale', 'NIR', 'numéro de sécu'],
    es: ['NIR francés', 'número de la seguridad social francesa'],
  },
  de_svnr: {
    en: ['German social security number', 'SV-Nummer'],
    de: ['Sozialversicherungsnummer', 'SV-Nummer', 'Rentenversicherungsnummer'],
    sv: ['tyska SV-Nummer', 'Sozialversicherungsnummer'],
    nl: ['Duitse SV-Nummer', 'Sozialversicherungsnummer'],
    fr: ['SV-Nummer allemand', 'Sozialversicherungsnummer'],
    es: ['SV-Nummer alemán', 'Sozialversicherungsnummer'],
  },
  gb_nino: {
    en: ['National Insurance number', 'NI number', 'NINO'],
    de: ['britische National Insurance number', 'NINO'],
    sv: ['brittiska NINO', 'National Insurance number'],
    nl: ['Britse NINO', 'National Insurance number'],
    fr: ['NINO britannique', 'National Insurance number'],
    es: ['NINO británico', 'National Insurance number'],
  },
};

const birthDate = (random: Random): { yyyy: number; mm: number; dd: number } => ({
  yyyy: random.int(1930, 2015),
  mm: random.int(1, 12),
  dd: random.int(1, 28),
});

export const ssn = (random: Random): string => {
  let area = random.int(1, 899);
  if (area === 666) {
    area = 665;
  }
  return `${pad(area, 3)}${pad(random.int(1, 99), 2)}${pad(random.int(1, 9999), 4)}`;
};

export const personnummer = (random: Random): { ten: string; twelve: string } => {
  const { yyyy, mm, dd } = birthDate(random);
  const body = `${pad(yyyy % 100, 2)}${pad(mm, 2)}${pad(random.chance(0.1) ? dd + 60 : dd, 2)}${random.digits(3)}`;
  const ten = body + luhnCheckDigit(body);
  return { ten, twelve: `${Math.floor(yyyy / 100)}${ten}` };
};

export const bsn = (random: Random): string => {
  for (;;) {
    const body = random.digits(8);
    let sum = 0;
    for (let i = 0; i < 8; i++) {
      sum += (9 - i) * Number(body[i]);
    }
    const check = sum % 11;
    if (check < 10 && sum !== 0) {
      return body + String(check);
    }
  }
};

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export const dni = (random: Random): string => {
  const number = random.int(1, 99_999_999);
  return `${pad(number, 8)}${DNI_LETTERS[number % 23]}`;
};

export const nie = (random: Random): string => {
  const prefix = random.int(0, 2);
  const number = random.int(0, 9_999_999);
  return `${'XYZ'[prefix]}${pad(number, 7)}${DNI_LETTERS[(prefix * 10_000_000 + number) % 23]}`;
};

/** 15 characters; `corsica` puts the département 2A or 2B in. */
export const nir = (random: Random, corsica = false): string => {
  const { yyyy, mm } = birthDate(random);
  const department = corsica ? random.pick(['2A', '2B']) : pad(random.int(1, 95), 2);
  const body = `${random.pick(['1', '2'])}${pad(yyyy % 100, 2)}${pad(mm, 2)}${department}${pad(random.int(1, 999), 3)}${pad(random.int(1, 999), 3)}`;
  const numeric = Number(body.replace('2A', '19').replace('2B', '18'));
  return body + pad(97 - (numeric % 97), 2);
};

const SVNR_WEIGHTS = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

export const svnrCheckDigit = (first11: string): number => {
  const letter = first11.charCodeAt(8) - 64;
  const values = [...first11.slice(0, 8)].map(Number).concat([Math.floor(letter / 10), letter % 10]);
  values.push(Number(first11[9]), Number(first11[10]));
  let sum = 0;
  values.forEach((v, i) => {
    const product = v * SVNR_WEIGHTS[i]!;
    sum += Math.floor(product / 10) + (product % 10);
  });
  return sum % 10;
};

export const svnr = (random: Random): string => {
  const { yyyy, mm, dd } = birthDate(random);
  const first11 = `${pad(random.int(2, 89), 2)}${pad(dd, 2)}${pad(mm, 2)}${pad(yyyy % 100, 2)}${String.fromCharCode(65 + random.int(0, 25))}${pad(random.int(0, 99), 2)}`;
  return first11 + String(svnrCheckDigit(first11));
};

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_BANNED = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];

export const nino = (random: Random): string => {
  for (;;) {
    const prefix = random.pick([...NINO_FIRST]) + random.pick([...NINO_SECOND]);
    if (!NINO_BANNED.includes(prefix)) {
      return `${prefix}${random.digits(6)}${random.pick(['A', 'B', 'C', 'D'])}`;
    }
  }
};

const spaced = (value: string, sizes: readonly number[]): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(value.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
};

export const buildIdSamples = (random: Random, perForm = 40): IdSample[] => {
  const samples: IdSample[] = [];
  const add = (kind: NationalIdKind, form: string, value: string, needsKeyword: boolean): void => {
    samples.push({ kind, form, value, needsKeyword });
  };
  for (let k = 0; k < perForm; k++) {
    const s = ssn(random);
    add('us_ssn', 'dashed', `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`, false);
    add('us_ssn', 'spaced', `${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`, false);
    add('us_ssn', 'digits', ssn(random), true);

    const p = personnummer(random);
    add('se_personnummer', 'yymmdd-nnnn', `${p.ten.slice(0, 6)}-${p.ten.slice(6)}`, false);
    add('se_personnummer', 'yyyymmdd-nnnn', `${p.twelve.slice(0, 8)}-${p.twelve.slice(8)}`, false);
    const q = personnummer(random);
    add('se_personnummer', 'digits-10', q.ten, true);
    add('se_personnummer', 'digits-12', personnummer(random).twelve, true);

    const b = bsn(random);
    add('nl_bsn', 'digits', b, true);
    add('nl_bsn', 'dotted', `${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}`, true);

    const d = dni(random);
    add('es_dni', 'compact', d, false);
    add('es_dni', 'dashed', `${d.slice(0, 8)}-${d.slice(8)}`, false);
    add('es_dni', 'dotted', `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}-${d.slice(8)}`, false);

    const n = nie(random);
    add('es_nie', 'compact', n, false);
    add('es_nie', 'dashed', `${n[0]}-${n.slice(1, 8)}-${n.slice(8)}`, false);

    add('fr_nir', 'printed', spaced(nir(random), [1, 2, 2, 2, 3, 3, 2]), false);
    add('fr_nir', 'digits', nir(random), true);
    add('fr_nir', 'corsica', spaced(nir(random, true), [1, 2, 2, 2, 3, 3, 2]), false);

    const v = svnr(random);
    add('de_svnr', 'compact', v, false);
    add('de_svnr', 'spaced', spaced(v, [2, 6, 1, 3]), false);

    const g = nino(random);
    add('gb_nino', 'compact', g, false);
    add('gb_nino', 'spaced', spaced(g, [2, 2, 2, 2, 1]), false);
  }
  return samples;
};
