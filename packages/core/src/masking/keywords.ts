/**
 * Words that tell what a bare number is, in the six languages of the desktop (product.md,
 * "Languages": en, de, sv, nl, fr, es). Matched case-insensitively, as whole words.
 *
 * - Identity keywords confirm a number that its checksum alone cannot tell from any other:
 *   a nine-digit BSN passes the 11-check one time in eleven; an unformatted SSN, personnummer or
 *   NIR looks like an order number.
 * - Reference keywords (order, invoice, parcel, version...) say that a number read in national
 *   form is not a phone number, unless a phone keyword stands closer to it.
 */

type IdentityKind = 'us_ssn' | 'se_personnummer' | 'nl_bsn' | 'fr_nir' | 'gb_nino';

/** Names of identity numbers in general: they confirm any of them. */
const ANY_IDENTITY = [
  'national id',
  'id number',
  'identity number',
  'id-nummer',
  'ausweisnummer',
  'personalausweis',
  'identifikationsnummer',
  'identiteitsnummer',
  "numéro d'identification",
  'documento de identidad',
  'documento nacional de identidad',
  'número de identidad',
] as const;

/** The social-security family of names, which customers use for the SSN, the NIR and the SV number alike. */
const SOCIAL_SECURITY = [
  'social security',
  'social-security',
  'sozialversicherungsnummer',
  'sozialversicherung',
  'sv-nummer',
  'sv nummer',
  'sécurité sociale',
  'securite sociale',
  'seguridad social',
  'seguro social',
] as const;

/** Names that confirm one kind of number (a BSN keyword does not confirm an SSN). */
const IDENTITY: Record<IdentityKind, readonly string[]> = {
  us_ssn: ['ssn', ...SOCIAL_SECURITY, 'personnummer'],
  se_personnummer: [
    'personnummer',
    'personnr',
    'person-nr',
    'pnr',
    'samordningsnummer',
    'personal number',
    'personal identity number',
  ],
  nl_bsn: [
    'bsn',
    'burgerservicenummer',
    'sofinummer',
    'sofi-nummer',
    'sofi nummer',
    'persoonsnummer',
    'citizen service number',
  ],
  fr_nir: ['nir', 'insee', 'sécu', 'secu', 'carte vitale', ...SOCIAL_SECURITY],
  gb_nino: ['national insurance', 'ni number', 'ni no', 'nino'],
};

/** Every identity name, for telling a reference from a phone number (`nie`, German for never, is left out). */
const ALL_IDENTITY = [
  ...ANY_IDENTITY,
  ...Object.values(IDENTITY).flat(),
  'svnr',
  'sv-nr',
  'rentenversicherungsnummer',
  'versicherungsnummer',
  'dni',
  'nif',
];

const PHONE = [
  // en
  'phone',
  'telephone',
  'tel',
  'mobile',
  'cell',
  'call',
  'ring',
  'text me',
  'whatsapp',
  'sms',
  'reach me',
  'contact',
  // de
  'telefon',
  'telefonnummer',
  'handy',
  'handynummer',
  'mobil',
  'mobilnummer',
  'festnetz',
  'anrufen',
  'ruf',
  'rufen',
  'rückruf',
  'erreichbar',
  // sv
  'telefonnummer',
  'mobilnummer',
  'ringa',
  'ring mig',
  'nås',
  // nl
  'telefoon',
  'telefoonnummer',
  'mobiel',
  'mobiele nummer',
  'bel',
  'bellen',
  'gsm',
  // fr
  'téléphone',
  'tél',
  'portable',
  'appeler',
  'appelez',
  'rappeler',
  'joindre',
  // es
  'teléfono',
  'telefono',
  'móvil',
  'movil',
  'celular',
  'llamar',
  'llámame',
  'llamame',
  'contacto',
] as const;

const REFERENCE = [
  // en
  'order',
  'order number',
  'invoice',
  'tracking',
  'tracking number',
  'track and trace',
  'parcel',
  'package',
  'shipment',
  'ticket',
  'case',
  'reference',
  'ref',
  'booking',
  'receipt',
  'transaction',
  'sku',
  'serial',
  'article',
  'item',
  'version',
  'build',
  'release',
  'chrome',
  'firefox',
  'safari',
  'ios',
  'android',
  'windows',
  'macos',
  'isbn',
  'ip',
  'customer number',
  // de
  'bestellung',
  'bestellnummer',
  'auftrag',
  'auftragsnummer',
  'rechnung',
  'rechnungsnummer',
  'sendung',
  'sendungsnummer',
  'sendungsverfolgung',
  'sendungs-nr',
  'paket',
  'paketnummer',
  'lieferung',
  'vorgang',
  'vorgangsnummer',
  'referenz',
  'buchung',
  'buchungsnummer',
  'artikel',
  'artikelnummer',
  'kundennummer',
  'seriennummer',
  // sv
  'ordernummer',
  'ordernr',
  'beställning',
  'beställningsnummer',
  'faktura',
  'fakturanummer',
  'kolli',
  'kollinummer',
  'kolli-id',
  'paketet',
  'försändelse',
  'sändningsnummer',
  'spårning',
  'spårningsnummer',
  'ärende',
  'ärendenummer',
  'bokning',
  'bokningsnummer',
  'referens',
  'kundnummer',
  'artikelnummer',
  'serienummer',
  // nl
  'bestelling',
  'bestelnummer',
  'factuur',
  'factuurnummer',
  'zending',
  'zendingnummer',
  'pakket',
  'pakketnummer',
  'track',
  'trace',
  'dossier',
  'referentie',
  'boeking',
  'klantnummer',
  'versie',
  // fr
  'commande',
  'facture',
  'colis',
  'suivi',
  'envoi',
  'référence',
  'réservation',
  'numéro client',
  'numéro de série',
  // es
  'pedido',
  'factura',
  'envío',
  'envio',
  'seguimiento',
  'paquete',
  'referencia',
  'reserva',
  'expediente',
  'albarán',
  'número de cliente',
  'número de serie',
  'versión',
] as const;

const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest first, so `order number` wins over `order`; bounded by non-letters on both sides. */
const wordsPattern = (words: readonly string[]): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const WORD_AFTER = '(?![\\p{L}\\p{N}_])';

const identityPattern = (words: readonly string[]): RegExp =>
  new RegExp(`${WORD_BEFORE}(?:${wordsPattern(words)})${WORD_AFTER}`, 'iu');

const IDENTITY_RE: Record<IdentityKind, RegExp> = {
  us_ssn: identityPattern([...ANY_IDENTITY, ...IDENTITY.us_ssn]),
  se_personnummer: identityPattern([...ANY_IDENTITY, ...IDENTITY.se_personnummer]),
  nl_bsn: identityPattern([...ANY_IDENTITY, ...IDENTITY.nl_bsn]),
  fr_nir: identityPattern([...ANY_IDENTITY, ...IDENTITY.fr_nir]),
  gb_nino: identityPattern([...ANY_IDENTITY, ...IDENTITY.gb_nino]),
};

const REFERENCE_CLASS = 1;
const PHONE_CLASS = 2;
const IDENTITY_CLASS = 3;

interface Phrase {
  /** The words before the last one, last first. */
  readonly before: readonly string[];
  readonly kind: number;
}

const WORD_SPLIT = /[\s\-'’]+/;

/** Keywords by their last word (lower case): one-word keywords, and longer ones with their other words. */
const singleWords = new Map<string, number>();
const phrases = new Map<string, Phrase[]>();
for (const [words, kind] of [
  [REFERENCE, REFERENCE_CLASS],
  [PHONE, PHONE_CLASS],
  [ALL_IDENTITY, IDENTITY_CLASS],
] as const) {
  for (const keyword of words) {
    const parts = keyword.toLowerCase().split(WORD_SPLIT);
    const last = parts.pop()!;
    if (parts.length === 0) {
      singleWords.set(last, kind);
    } else {
      const list = phrases.get(last) ?? [];
      list.push({ before: parts.reverse(), kind });
      phrases.set(last, list);
    }
  }
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/** A character of a word, as `\p{L}\p{N}_` in the patterns above, read without the table below. */
const isKeywordCharPlain = (c: number): boolean => {
  if (c < 0x80) {
    return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
  }
  if (c >= 0xc0 && c <= 0x17f) {
    return c !== 0xd7 && c !== 0xf7; // Latin-1 and Latin Extended-A letters, without a regular expression
  }
  return NON_ASCII_WORD.test(String.fromCharCode(c));
};

/** isKeywordCharPlain below U+0180, as a table: the reference walk asks it of every character it passes. */
const LATIN_KEYWORD_CHARS = Uint8Array.from({ length: 0x180 }, (_, c) => (isKeywordCharPlain(c) ? 1 : 0));

/** A character of a word, as `\p{L}\p{N}_` in the patterns above. */
const isKeywordChar = (c: number): boolean =>
  c < 0x180 ? LATIN_KEYWORD_CHARS[c] === 1 : isKeywordCharPlain(c);

const isPhraseGap = (c: number): boolean => c === 32 || c === 45 || c === 39 || c === 0x2019 || c === 0xa0;

/** The start of the word that ends at `end` (exclusive), not before `floor`. */
const wordStart = (text: string, end: number, floor: number): number => {
  let p = end;
  while (p > floor && isKeywordChar(text.charCodeAt(p - 1))) {
    p--;
  }
  return p;
};

/**
 * The first character (lower case) and length of every keyword's last word, as `code * 64 +
 * length`: most words of a sentence match none, and are passed over without building a string.
 */
const lastWordShapes = new Set<number>();
for (const word of [...singleWords.keys(), ...phrases.keys()]) {
  lastWordShapes.add(word.charCodeAt(0) * 64 + Math.min(word.length, 63));
}
/** lastWordShapes for words beginning with an ASCII character, as a table: no hashing per word. */
const asciiLastWordShapes = Uint8Array.from({ length: 128 * 64 }, (_, k) => (lastWordShapes.has(k) ? 1 : 0));

/** The kind of the keyword that ends at `end`, the word there starting at `start`; 0 if none. */
const keywordEndingAt = (text: string, start: number, end: number, floor: number): number => {
  const first = text.charCodeAt(start);
  // toLowerCase of one code unit is one code unit for the letters keywords begin with.
  const lower = first >= 65 && first <= 90 ? first | 32 : first < 0x80 ? first : -1;
  if (lower >= 0 && asciiLastWordShapes[lower * 64 + Math.min(end - start, 63)] === 0) {
    return 0;
  }
  const last = text.slice(start, end).toLowerCase();
  const candidates = phrases.get(last);
  if (candidates !== undefined) {
    for (const phrase of candidates) {
      let wordEnd = start;
      let matched = true;
      for (const word of phrase.before) {
        if (wordEnd - 1 < floor || !isPhraseGap(text.charCodeAt(wordEnd - 1))) {
          matched = false;
          break;
        }
        const from = wordStart(text, wordEnd - 1, floor);
        if (text.slice(from, wordEnd - 1).toLowerCase() !== word) {
          matched = false;
          break;
        }
        wordEnd = from;
      }
      if (matched) {
        return phrase.kind;
      }
    }
  }
  return singleWords.get(last) ?? 0;
};

/** The kind of the keyword closest before `end` and after `floor`, walking back word by word. */
const closestKeyword = (text: string, floor: number, end: number): number => {
  let p = end;
  while (p > floor) {
    while (p > floor && !isKeywordChar(text.charCodeAt(p - 1))) {
      p--;
    }
    if (p === floor) {
      return 0;
    }
    const start = wordStart(text, p, floor);
    const kind = keywordEndingAt(text, start, p, floor);
    if (kind !== 0) {
      return kind;
    }
    p = start;
  }
  return 0;
};

/** How far before (and after) a number a keyword still speaks of it, in characters. */
const IDENTITY_BEFORE = 48;
const IDENTITY_AFTER = 24;
const CONTEXT_BEFORE = 40;

/**
 * The part of a window of text outside e-mail addresses: `order.jan@x.se` names no order, and a
 * masked address (`o********@x.se`) must leave the reading of the numbers around it as it was.
 */
const beforeAddresses = (window: string): string => {
  const at = window.lastIndexOf('@');
  if (at < 0) {
    return window;
  }
  const space = window.slice(at).search(/\s/);
  return space < 0 ? '' : window.slice(at + space);
};

const afterAddresses = (window: string): string => {
  const at = window.indexOf('@');
  if (at < 0) {
    return window;
  }
  const before = window.slice(0, at);
  return before.slice(0, Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'), 0));
};

/** A keyword naming a `kind` identity number within a few words before or after `text[start, end)`. */
export const hasIdentityKeywordNear = (
  text: string,
  start: number,
  end: number,
  kind: IdentityKind,
): boolean => {
  const pattern = IDENTITY_RE[kind];
  return (
    pattern.test(beforeAddresses(text.slice(Math.max(0, start - IDENTITY_BEFORE), start))) ||
    pattern.test(afterAddresses(text.slice(end, end + IDENTITY_AFTER)))
  );
};

/**
 * True when the closest keyword before `start` says the number is a reference or an identity
 * number (`Bestellnummer 0301234567`, `pedido 612345678`, `#4155552671`), not a phone number.
 * `lastAt`, when given, is the last `@` before `start` (-1 for none).
 */
export const isReferenceContext = (text: string, start: number, lastAt?: number): boolean => {
  let p = start - 1;
  while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 58)) {
    p--;
  }
  if (p >= 0 && (text.charCodeAt(p) === 35 || text.charCodeAt(p) === 0x2116)) {
    return true; // `#` or `№`
  }
  let floor = Math.max(0, start - CONTEXT_BEFORE);
  // The last `@` in the window: given by the caller that has met every `@` before `start`, or
  // read back from the number (no call into the runtime).
  let at = start - 1;
  if (lastAt !== undefined) {
    at = lastAt;
  } else {
    while (at >= floor && text.charCodeAt(at) !== 64) {
      at--;
    }
  }
  if (at >= floor) {
    // Words of an e-mail address name nothing: the window begins after the address.
    floor = at;
    while (floor < start && !isWhiteSpaceCode(text.charCodeAt(floor))) {
      floor++;
    }
  }
  const kind = closestKeyword(text, floor, start);
  return kind !== 0 && kind !== PHONE_CLASS;
};

/** What `\s` matches (ECMAScript WhiteSpace and LineTerminator), on one code unit. */
const isWhiteSpaceCode = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0x80 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));
