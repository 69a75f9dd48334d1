import examples from 'libphonenumber-js/examples.mobile.json';
import { type CountryCode, getCountries, getExampleNumber } from 'libphonenumber-js/max';
import type { SensitiveType } from '../../../src/masking/types';
import { cardNumber } from '../corpus/cards';
import { registryCountries, validIban } from '../corpus/ibans';
import { dni, nie, ssn } from '../corpus/national-ids';
import { createRandom, type Random } from '../corpus/random';

/**
 * A held-out corpus: written after the detector and apart from the corpus it was tuned on
 * (../corpus), the way chat text and exported form data arrive: values glued to punctuation
 * (`card=...;`, `"pan":"..."`, `?cc=`), `00` numbers inside sentences in nine languages, one- and
 * two-character e-mail local parts, digits of other scripts, no-break and narrow spaces, dots,
 * slashes and line breaks inside a number. Value generators (Luhn, ISO 13616, check letters) are
 * shared with ../corpus; the sentences, contexts and writings are not.
 */

export interface HeldOutSample {
  readonly type: SensitiveType;
  readonly form: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly region: string | undefined;
}

export interface HeldOutLookAlike {
  readonly form: string;
  readonly text: string;
  readonly region: string | undefined;
}

/** Sentences with one `{}` slot, in nine languages, as customers write in a chat. */
const SENTENCES = [
  'You can reach me on {} after 5pm',
  'my number is {}',
  'Pls call {} asap!!',
  'Erreichbar unter {} ab 9 Uhr.',
  'Meine Nummer: {}',
  'Llámame al {} por la tarde, gracias',
  'Mi móvil es {}.',
  'Puede llamarme al {} mañana',
  'Appelez-moi au {} svp',
  'mon portable : {}',
  'Ring mig på {} ikväll',
  'Mijn nummer is {} , bel gerust',
  'Ligue para {} por favor',
  'Chiamami al {} grazie',
  'رقمي هو {} شكرا',
  '{}',
  '({})',
  'tel. {}',
];

const FIELD_CONTEXTS = [
  '{k}={};',
  '"{k}":"{}"',
  '?{k}={}&lang=en',
  '{k}:{}',
  '{k}={}',
  '<{k}>{}</{k}>',
  "{k}='{}'",
];

const place = (template: string, value: string): { text: string; start: number; end: number } => {
  const at = template.indexOf('{}');
  return { text: template.replace('{}', value), start: at, end: at + value.length };
};

const field = (random: Random, key: string, value: string): { text: string; start: number; end: number } =>
  place(random.pick(FIELD_CONTEXTS).replaceAll('{k}', key), value);

/** Digits of other scripts, one code unit each, as keyboards and phones of those languages type them. */
const SCRIPTS: Record<string, number> = {
  arabic: 0x0660,
  persian: 0x06f0,
  devanagari: 0x0966,
  fullwidth: 0xff10,
  bengali: 0x09e6,
};

const inScript = (value: string, zero: number): string =>
  value.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));

const group = (digits: string, sizes: readonly number[], separator: string): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at < digits.length) {
      parts.push(digits.slice(at, at + size));
    }
    at += size;
  }
  if (at < digits.length) {
    parts.push(digits.slice(at));
  }
  return parts.join(separator);
};

const fours = (n: number): number[] => Array.from({ length: Math.ceil(n / 4) }, () => 4);

const CARD_SPECS: readonly [string, readonly number[]][] = [
  ['4', [13, 16, 19]],
  ['5', [16]],
  ['2', [16]],
  ['34', [15]],
  ['37', [15]],
  ['6011', [16, 19]],
  ['65', [16]],
  ['36', [14]],
  ['3530', [16]],
  ['62', [16, 19]],
  ['2201', [16]],
  ['6759', [16, 19]],
  ['9792', [16]],
];

const cardPrefix = (prefix: string, random: Random): string => {
  if (prefix === '5') {
    return `5${random.int(1, 5)}`;
  }
  if (prefix === '2') {
    return String(random.int(2221, 2720));
  }
  return prefix;
};

const cardWritings = (digits: string): [string, string][] => {
  const n = digits.length;
  const out: [string, string][] = [
    ['contiguous', digits],
    ['spaced', group(digits, fours(n), ' ')],
    ['dashed', group(digits, fours(n), '-')],
    ['dotted', group(digits, fours(n), '.')],
    ['nbsp', group(digits, fours(n), '\u00a0')],
    ['narrow-nbsp', group(digits, fours(n), '\u202f')],
    ['line-break', `${group(digits.slice(0, 8), [4, 4], ' ')}\n${group(digits.slice(8), fours(n - 8), ' ')}`],
  ];
  if (n === 15) {
    out.push(['4-6-5', group(digits, [4, 6, 5], ' ')]);
  }
  if (n === 14) {
    out.push(['4-6-4', group(digits, [4, 6, 4], ' ')]);
  }
  return out;
};

const CARD_KEYS = ['card', 'pan', 'cc', 'cardNumber', 'card_number', 'kartennummer', 'tarjeta', 'carte'];
const CARD_SENTENCES = [
  'my card is {} exp 09/28',
  'Kartennummer {} bitte',
  'la tarjeta {} no funciona',
  'carte bancaire {}',
  'kortnummer: {}',
  'used {} yesterday',
];

const buildCards = (random: Random, out: HeldOutSample[]): void => {
  for (const [prefix, lengths] of CARD_SPECS) {
    for (const length of lengths) {
      for (let k = 0; k < 3; k++) {
        const digits = cardNumber(cardPrefix(prefix, random), length, random);
        for (const [writing, value] of cardWritings(digits)) {
          const inField = random.chance(0.5) && writing !== 'line-break';
          const placed = inField
            ? field(random, random.pick(CARD_KEYS), value)
            : place(random.pick(CARD_SENTENCES), value);
          out.push({
            type: 'card',
            form: `${inField ? 'field' : 'sentence'} ${writing}`,
            ...placed,
            region: undefined,
          });
        }
        const script = random.pick(Object.keys(SCRIPTS));
        const value = inScript(group(digits, fours(length), random.pick([' ', '-'])), SCRIPTS[script]!);
        out.push({
          type: 'card',
          form: `script ${script}`,
          ...place(random.pick(CARD_SENTENCES), value),
          region: undefined,
        });
      }
    }
  }
};

const phoneWritings = (international: string, random: Random): [string, string][] => {
  const spaced = international; // +46 70 123 45 67
  const e164 = spaced.replace(/[^+0-9]/g, '');
  const zeros = spaced.replace('+', '00');
  const script = random.pick(Object.keys(SCRIPTS));
  return [
    ['plus spaced', spaced],
    ['plus compact', e164],
    ['00 spaced', zeros],
    ['00 compact', e164.replace('+', '00')],
    ['00 dashed', zeros.replace(/ /g, '-')],
    ['plus dotted', spaced.replace(/ /g, '.')],
    ['plus nbsp', spaced.replace(/ /g, '\u00a0')],
    ['00 narrow-nbsp', zeros.replace(/ /g, '\u202f')],
    [`plus ${script}`, inScript(spaced, SCRIPTS[script]!)],
    [`00 ${script}`, inScript(e164.replace('+', '00'), SCRIPTS[script]!)],
  ];
};

const buildPhones = (random: Random, out: HeldOutSample[]): void => {
  for (const region of getCountries()) {
    const number = getExampleNumber(region as CountryCode, examples);
    if (number === undefined) {
      continue;
    }
    const writings = phoneWritings(number.formatInternational(), random);
    for (const [form, value] of [random.pick(writings), random.pick(writings)]) {
      const inField = random.chance(0.2);
      const placed = inField
        ? field(random, random.pick(['tel', 'phone', 'mobile', 'telefono']), value)
        : place(random.pick(SENTENCES), value);
      out.push({
        type: 'phone',
        form: `${inField ? 'field' : 'sentence'} ${form}`,
        ...placed,
        region: random.chance(0.5) ? undefined : random.pick(['US', 'ES', 'DE', 'FR', 'SE']),
      });
    }
    if (random.chance(0.3)) {
      const national = number.formatNational();
      out.push({ type: 'phone', form: 'national', ...place(random.pick(SENTENCES), national), region });
    }
  }
};

const LOCALS = [
  'a',
  'j',
  'x',
  'ø',
  'jo',
  'li',
  'mk',
  'a1',
  'ab',
  'anna',
  'j.doe',
  'pedro.g',
  'kim_90',
  'q+tag',
];
const DOMAINS = [
  'gmail.com',
  'web.de',
  'mail.ru',
  'yahoo.co.jp',
  'outlook.fr',
  'proton.me',
  'x.se',
  'uni-koeln.de',
];
const EMAIL_CONTEXTS = [
  'email={};',
  '"email":"{}"',
  '<{}>',
  'mailto:{}',
  'mail me at {}.',
  'Schreib an {}, danke',
  'correo: {}',
  '{}',
  '({})',
  'mi correo es {} gracias',
];

const buildEmails = (random: Random, out: HeldOutSample[]): void => {
  for (let k = 0; k < 360; k++) {
    const local = LOCALS[k % LOCALS.length]!;
    const value = `${local}@${random.pick(DOMAINS)}`;
    const size = local.length === 1 ? 'one' : local.length === 2 ? 'two' : 'longer';
    out.push({
      type: 'email',
      form: `${size}-char local`,
      ...place(random.pick(EMAIL_CONTEXTS), value),
      region: undefined,
    });
  }
};

const buildIbans = (random: Random, out: HeldOutSample[]): void => {
  for (const country of registryCountries()) {
    for (let k = 0; k < 3; k++) {
      const iban = validIban(country, random);
      const print = iban.replace(/(.{4})(?=.)/g, '$1 ');
      const [form, value] = random.pick([
        ['electronic', iban],
        ['print', print],
        ['nbsp print', print.replace(/ /g, '\u00a0')],
        ['lower', iban.toLowerCase()],
      ] as const);
      const inField = random.chance(0.5);
      const placed = inField
        ? field(random, random.pick(['iban', 'IBAN', 'account'])!, value)
        : place(
            random.pick(['IBAN: {}', 'mi cuenta {} gracias', 'Überweisung auf {}', 'rekening {}']),
            value,
          );
      out.push({
        type: 'iban',
        form: `${inField ? 'field' : 'sentence'} ${form}`,
        ...placed,
        region: undefined,
      });
    }
  }
};

const buildIds = (random: Random, out: HeldOutSample[]): void => {
  for (let k = 0; k < 60; k++) {
    const s = ssn(random);
    const dashed = `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`;
    out.push({
      type: 'national_id',
      form: 'ssn',
      ...place(random.pick(['SSN {}', 'my ssn: {}', 'social security number {} thanks']), dashed),
      region: 'US',
    });
    out.push({
      type: 'national_id',
      form: 'dni',
      ...place(random.pick(['DNI {}', 'mi dni es {}', 'dni={};']), dni(random)),
      region: 'ES',
    });
    out.push({
      type: 'national_id',
      form: 'nie',
      ...place(random.pick(['NIE {}', 'mi NIE: {}']), nie(random)),
      region: 'ES',
    });
  }
};

const LOOK_ALIKES: readonly ((random: Random) => string)[] = [
  (r) => `order=${r.int(10_000_000, 99_999_999)};`,
  (r) => `"orderId":"${r.int(100_000, 999_999)}${r.int(100_000, 999_999)}"`,
  (r) => `?page=${r.int(1, 40)}&id=${r.int(100_000, 999_999_999)}`,
  (r) => `Pedido nº ${r.int(100_000_000, 999_999_999)} enviado el ${r.int(1, 28)}/${r.int(1, 12)}/2024`,
  (r) => `Bestellung ${r.int(10_000_000, 99_999_999)} vom ${r.int(1, 28)}.${r.int(1, 12)}.2025`,
  (r) => `Rechnung Nr. 00${r.int(10_000_000, 99_999_999)}`,
  (r) => `Preis: 1\u00a0${r.int(100, 999)},00\u00a0€`,
  (r) => `total ${r.int(1, 9)}\u202f${r.int(100, 999)},${r.int(10, 99)} €`,
  (r) => `el ${inScript(`${r.int(1, 28)}/${r.int(1, 12)}/2024`, 0x0660)}`,
  (r) => `${inScript(`2024-0${r.int(1, 9)}-1${r.int(0, 9)}`, 0xff10)} 予約`,
  (r) => `tracking=1Z${r.int(100, 999)}AA1${r.int(10_000_000, 99_999_999)}`,
  (r) => `Sendung 00${r.int(100_000_000, 999_999_999)}${r.int(100_000_000, 999_999_999)}`,
  (r) => `at ${r.int(10, 23)}:${r.int(10, 59)} or ${r.int(10, 23)}.${r.int(10, 59)}`,
  (r) => `version=${r.int(1, 20)}.${r.int(0, 9)}.${r.int(100, 9999)}`,
  (r) => `ip ${r.int(11, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  (r) => {
    const card = cardNumber(r.pick(['4', '51', '37']), 16, r);
    return `card=${card.slice(0, -1)}${(Number(card.at(-1)) + 1) % 10};`; // the Luhn check fails
  },
  (r) => `ticket #${r.int(100_000, 9_999_999)}\nsee you`,
  (r) => `${r.int(2, 9)} x ${r.int(10, 99)}.${r.int(10, 99)} EUR`,
  (r) => `qty=${r.int(1, 9)}&price=${r.int(10, 999)}.${r.int(10, 99)}`,
  (r) => `ref: ${r.int(2020, 2025)}/${r.int(10_000, 99_999)}`,
];

const buildLookAlikes = (random: Random): HeldOutLookAlike[] => {
  const out: HeldOutLookAlike[] = [];
  for (let k = 0; k < 30; k++) {
    LOOK_ALIKES.forEach((make, i) => {
      out.push({
        form: `look-alike ${i}`,
        text: make(random),
        region: random.pick([undefined, 'US', 'DE', 'ES', 'FR', 'SE']),
      });
    });
  }
  return out;
};

export const buildHeldOutCorpus = (
  seed = 16_2026,
): { positives: HeldOutSample[]; lookAlikes: HeldOutLookAlike[] } => {
  const random = createRandom(seed);
  const positives: HeldOutSample[] = [];
  buildCards(random, positives);
  buildPhones(random, positives);
  buildEmails(random, positives);
  buildIbans(random, positives);
  buildIds(random, positives);
  return { positives, lookAlikes: buildLookAlikes(random) };
};
