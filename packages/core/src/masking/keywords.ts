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
  se_personnummer: ['personnummer', 'personnr', 'person-nr', 'pnr', 'samordningsnummer', 'personal number', 'personal identity number'],
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

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest first, so `order number` wins over `order`; bounded by non-letters on both sides. */
const wordsPattern = (words: readonly string[]): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';

const identityPattern = (words: readonly string[]): RegExp =>
  new RegExp(`${WORD_BEFORE}(?:${wordsPattern(words)})${WORD_AFTER}`, 'iu');

const IDENTITY_RE: Record<IdentityKind, RegExp> = {
  us_ssn: identityPattern([...ANY_IDENTITY, ...IDENTITY.us_ssn]),
  se_personnummer: identityPattern([...ANY_IDENTITY, ...IDENTITY.se_personnummer]),
  nl_bsn: identityPattern([...ANY_IDENTITY, ...IDENTITY.nl_bsn]),
  fr_nir: identityPattern([...ANY_IDENTITY, ...IDENTITY.fr_nir]),
  gb_nino: identityPattern([...ANY_IDENTITY, ...IDENTITY.gb_nino]),
};

/** Groups: 1 = reference, 2 = phone, 3 = identity. */
const CONTEXT_RE = new RegExp(
  `${WORD_BEFORE}(?:(${wordsPattern(REFERENCE)})|(${wordsPattern(PHONE)})|(${wordsPattern(ALL_IDENTITY)}))${WORD_AFTER}`,
  'giu',
);

/** How far before (and after) a number a keyword still speaks of it, in characters. */
const IDENTITY_BEFORE = 48;
const IDENTITY_AFTER = 24;
const CONTEXT_BEFORE = 40;

/** A keyword naming a `kind` identity number within a few words before or after `text[start, end)`. */
export const hasIdentityKeywordNear = (text: string, start: number, end: number, kind: IdentityKind): boolean => {
  const pattern = IDENTITY_RE[kind];
  return (
    pattern.test(text.slice(Math.max(0, start - IDENTITY_BEFORE), start)) ||
    pattern.test(text.slice(end, end + IDENTITY_AFTER))
  );
};

/**
 * True when the closest keyword before `start` says the number is a reference or an identity
 * number (`Bestellnummer 0301234567`, `pedido 612345678`, `#4155552671`), not a phone number.
 */
export const isReferenceContext = (text: string, start: number): boolean => {
  let p = start - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === ':')) {
    p--;
  }
  if (p >= 0 && (text[p] === '#' || text[p] === '№')) {
    return true;
  }
  const window = text.slice(Math.max(0, start - CONTEXT_BEFORE), start);
  CONTEXT_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = CONTEXT_RE.exec(window); m !== null; m = CONTEXT_RE.exec(window)) {
    last = m;
  }
  if (last === null) {
    return false;
  }
  return last[2] === undefined;
};
