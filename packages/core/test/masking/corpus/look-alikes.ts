import { friendlyFormatIBAN } from 'ibantools';
import { cardNumber } from './cards';
import { registryCountries, validIban } from './ibans';
import { bsn, dni, nie, nir, personnummer, ssn, svnr } from './national-ids';
import { pad, type Random } from './random';
import { LANGUAGES, type Language } from './sentences';

/**
 * Numbers that look like sensitive values and are not (product.md: "an order number, a date, a
 * price or a tracking number stays as it was"), each in a sentence the way customers write it:
 * references come with the word that names them (`Bestellnummer`, `tracking number`), dates,
 * prices, addresses and versions come as they are.
 */

export type LookAlikeCategory =
  | 'order_number'
  | 'invoice_number'
  | 'date_time'
  | 'price'
  | 'postcode'
  | 'tracking_number'
  | 'isbn'
  | 'version'
  | 'ip_address'
  | 'failed_checksum'
  | 'other_number';

export interface LookAlike {
  readonly category: LookAlikeCategory;
  readonly language: Language;
  readonly text: string;
}

type PerLanguage = Record<Language, readonly string[]>;

const ORDER: PerLanguage = {
  en: ['My order {v} has not arrived.', 'Order number: {v}', 'order #{v} is wrong'],
  de: [
    'Meine Bestellung {v} ist nicht angekommen.',
    'Bestellnummer: {v}',
    'Auftragsnummer {v}, bitte prüfen',
  ],
  sv: ['Min beställning {v} har inte kommit.', 'Ordernummer: {v}', 'ordernr {v} stämmer inte'],
  nl: ['Mijn bestelling {v} is niet aangekomen.', 'Bestelnummer: {v}', 'ordernummer {v} klopt niet'],
  fr: ["Ma commande {v} n'est pas arrivée.", 'Commande n° {v}', 'numéro de commande {v} incorrect'],
  es: ['Mi pedido {v} no ha llegado.', 'Número de pedido: {v}', 'el pedido {v} está mal'],
};

const INVOICE: PerLanguage = {
  en: ['Invoice {v} is wrong.', 'invoice number {v}', 'I paid invoice {v} yesterday'],
  de: ['Die Rechnung {v} stimmt nicht.', 'Rechnungsnummer {v}', 'Rechnung Nr. {v} bezahlt'],
  sv: ['Faktura {v} är fel.', 'fakturanummer {v}', 'jag har betalat faktura {v}'],
  nl: ['Factuur {v} klopt niet.', 'factuurnummer {v}', 'factuur {v} is betaald'],
  fr: ['La facture {v} est fausse.', 'facture n° {v}', "j'ai payé la facture {v}"],
  es: ['La factura {v} está mal.', 'número de factura {v}', 'pagué la factura {v}'],
};

const TRACKING: PerLanguage = {
  en: ['Tracking number {v} shows nothing.', 'my parcel {v} is stuck', 'tracking: {v}'],
  de: ['Sendungsnummer {v} zeigt nichts an.', 'Mein Paket {v} hängt fest.', 'Sendungsverfolgung {v}'],
  sv: ['Spårningsnummer {v} visar ingenting.', 'kollinummer {v} har fastnat', 'paketet {v} syns inte'],
  nl: ['Track & trace {v} geeft niets.', 'mijn pakket {v} zit vast', 'zending {v}'],
  fr: ['Le numéro de suivi {v} ne donne rien.', 'mon colis {v} est bloqué', 'suivi : {v}'],
  es: ['El número de seguimiento {v} no muestra nada.', 'mi paquete {v} está parado', 'envío {v}'],
};

const NEUTRAL: PerLanguage = {
  en: ['It was {v}, I think.', 'see {v}', 'ok, {v} works for me'],
  de: ['Das war {v}, glaube ich.', 'siehe {v}', 'ok, {v} passt'],
  sv: ['Det var {v} tror jag.', 'se {v}', 'ok, {v} funkar'],
  nl: ['Het was {v}, denk ik.', 'zie {v}', 'ok, {v} is goed'],
  fr: ["C'était {v}, je crois.", 'voir {v}', "d'accord, {v} me va"],
  es: ['Fue {v}, creo.', 'ver {v}', 'vale, {v} me sirve'],
};

const ISBN_TEXT: PerLanguage = {
  en: ['The book ISBN {v} never came.', 'ISBN: {v}'],
  de: ['Das Buch mit ISBN {v} fehlt.', 'ISBN {v}'],
  sv: ['Boken med ISBN {v} saknas.', 'ISBN {v}'],
  nl: ['Het boek ISBN {v} ontbreekt.', 'ISBN {v}'],
  fr: ['Le livre ISBN {v} manque.', 'ISBN : {v}'],
  es: ['El libro ISBN {v} no llegó.', 'ISBN: {v}'],
};

const VERSION: PerLanguage = {
  en: ['The app version {v} crashes.', 'I run {v}'],
  de: ['Die App-Version {v} stürzt ab.', 'Ich habe {v}'],
  sv: ['Appen version {v} kraschar.', 'jag kör {v}'],
  nl: ['De app versie {v} crasht.', 'ik gebruik {v}'],
  fr: ["L'appli version {v} plante.", "j'utilise {v}"],
  es: ['La app versión {v} se cierra.', 'uso {v}'],
};

const IP: PerLanguage = {
  en: ['My router is at {v}.', 'IP {v} is blocked'],
  de: ['Mein Router hat {v}.', 'IP {v} ist gesperrt'],
  sv: ['Routern har {v}.', 'IP {v} är blockerad'],
  nl: ['Mijn router is {v}.', 'IP {v} is geblokkeerd'],
  fr: ['Ma box est en {v}.', 'IP {v} bloquée'],
  es: ['Mi router es {v}.', 'la IP {v} está bloqueada'],
};

const place = (templates: PerLanguage, language: Language, value: string, random: Random): string => {
  const template = random.pick(templates[language]);
  const at = template.indexOf('{v}');
  return template.slice(0, at) + value + template.slice(at + 3);
};

const date = (random: Random): { y: number; m: number; d: number } => ({
  y: random.int(1990, 2030),
  m: random.int(1, 12),
  d: random.int(1, 28),
});

const dateTimeValue = (random: Random): string => {
  const { y, m, d } = date(random);
  const hh = pad(random.int(0, 23), 2);
  const mi = pad(random.int(0, 59), 2);
  return random.pick([
    `${pad(d, 2)}.${pad(m, 2)}.${y}`,
    `${d}.${m}.${String(y).slice(2)}`,
    `${pad(d, 2)}/${pad(m, 2)}/${y}`,
    `${pad(m, 2)}/${pad(d, 2)}/${y}`,
    `${y}-${pad(m, 2)}-${pad(d, 2)}`,
    `${pad(d, 2)}-${pad(m, 2)}-${y}`,
    `${y}-${pad(m, 2)}-${pad(d, 2)}T${hh}:${mi}:00Z`,
    `${y}-${pad(m, 2)}-${pad(d, 2)} ${hh}:${mi}`,
    `${pad(d, 2)}.${pad(m, 2)}.${y} ${hh}:${mi}`,
    `${hh}:${mi}`,
    `${hh}.${mi} Uhr`,
    `kl. ${hh}.${mi}`,
    `${d} ${random.pick(['mai', 'maj', 'May', 'mayo', 'mei', 'Mai'])} ${y}`,
    `${pad(d, 2)}/${pad(m, 2)}/${y} ${hh}h${mi}`,
  ]);
};

const priceValue = (random: Random): string => {
  const whole = random.int(1, 999_999);
  const cents = pad(random.int(0, 99), 2);
  const spacedThousands = whole.toLocaleString('sv-SE').replace(/\s/g, ' ');
  const dottedThousands = whole.toLocaleString('de-DE');
  const commaThousands = whole.toLocaleString('en-US');
  return random.pick([
    `€${dottedThousands},${cents}`,
    `${spacedThousands},${cents} kr`,
    `$${commaThousands}.${cents}`,
    `${spacedThousands} kr`,
    `${dottedThousands},${cents} €`,
    `SEK ${spacedThousands}`,
    `${dottedThousands} €`,
    `£${commaThousands}.${cents}`,
    `USD ${commaThousands}.${cents}`,
    `${spacedThousands}:-`,
    `${dottedThousands},-`,
    `EUR ${spacedThousands}`,
    `${spacedThousands} euros`,
  ]);
};

const postcodeValue = (random: Random): string =>
  random.pick([
    `Storgatan ${random.int(1, 99)}, ${random.int(100, 999)} ${random.digits(2)} Stockholm`,
    `Hauptstraße ${random.int(1, 199)}, ${random.int(10000, 99999)} Berlin`,
    `Kerkstraat ${random.int(1, 99)}, ${random.int(1000, 9999)} AB Amsterdam`,
    `${random.int(1, 99)} rue de Rivoli, ${random.int(75001, 75020)} Paris`,
    `Calle Mayor ${random.int(1, 99)}, ${random.int(10000, 52999)} Madrid`,
    `${random.int(1, 99)} Baker Street, London NW1 ${random.int(1, 9)}XE`,
    `San Francisco, CA ${random.int(90000, 96199)}-${random.digits(4)}`,
    `New York, NY ${random.int(10001, 10299)}`,
  ]);

const orderValue = (random: Random): string =>
  random.pick([
    random.digits(random.int(6, 12)),
    `A-${date(random).y}${pad(random.int(1, 12), 2)}${pad(random.int(1, 28), 2)}-${random.digits(4)}`,
    `${random.digits(4)}-${random.digits(4)}-${random.digits(4)}`,
    `SO-${random.digits(6)}`,
    `${random.digits(3)} ${random.digits(3)} ${random.digits(3)}`,
  ]);

const invoiceValue = (random: Random): string =>
  random.pick([
    `RE-${date(random).y}-${random.digits(5)}`,
    `INV-${random.digits(6)}`,
    `F${date(random).y}-${random.digits(4)}`,
    `${date(random).y}/${random.digits(6)}`,
    `${date(random).y}${random.digits(6)}`,
  ]);

const upsCheck = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const v = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? v * 2 : v;
  }
  return String((10 - (sum % 10)) % 10);
};

const trackingValue = (random: Random): string => {
  const ups = `${random.pick(['999AA1', '0A1B2C', '12345E'])}${random.digits(9)}`;
  const usps = `${random.pick(['9400', '9205', '9361', '9374'])}${random.digits(18)}`;
  return random.pick([
    `1Z${ups}${upsCheck(ups)}`,
    usps.replace(/(\d{4})(?=\d)/g, '$1 '),
    usps,
    `${random.pick(['RR', 'LX', 'CP', 'RB'])}${random.digits(9)}${random.pick(['SE', 'DE', 'FR', 'NL', 'ES'])}`,
    random.digits(10),
    random.digits(12),
    `00${random.digits(18)}`,
    `0${random.digits(13)}`,
    `JJD${random.digits(16)}`,
    `3S${random.pick(['ABCD', 'QWER'])}${random.digits(7)}`,
  ]);
};

const isbnValue = (random: Random): string => {
  const body = `${random.pick(['978', '979'])}${random.digits(9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  }
  const isbn13 = body + String((10 - (sum % 10)) % 10);
  const ten = random.digits(9);
  let s10 = 0;
  for (let i = 0; i < 9; i++) {
    s10 += Number(ten[i]) * (10 - i);
  }
  const check10 = (11 - (s10 % 11)) % 11;
  const isbn10 = ten + (check10 === 10 ? 'X' : String(check10));
  return random.pick([
    isbn13,
    `${isbn13.slice(0, 3)}-${isbn13.slice(3, 4)}-${isbn13.slice(4, 6)}-${isbn13.slice(6, 12)}-${isbn13.slice(12)}`,
    `${isbn13.slice(0, 3)}-${isbn13.slice(3, 5)}-${isbn13.slice(5, 9)}-${isbn13.slice(9, 12)}-${isbn13.slice(12)}`,
    isbn10,
    `${isbn10.slice(0, 1)}-${isbn10.slice(1, 4)}-${isbn10.slice(4, 9)}-${isbn10.slice(9)}`,
  ]);
};

const versionValue = (random: Random): string =>
  random.pick([
    `v${random.int(1, 20)}.${random.int(0, 30)}.${random.int(0, 99)}`,
    `${random.int(1, 20)}.${random.int(0, 30)}.${random.int(0, 99)}-beta.${random.int(1, 9)}`,
    `Windows 10.0.${random.int(10000, 26999)}.${random.int(1000, 9999)}`,
    `Chrome ${random.int(100, 140)}.0.${random.int(1000, 9999)}.${random.int(10, 250)}`,
    `iOS ${random.int(12, 18)}.${random.int(0, 7)}.${random.int(1, 3)}`,
    `build ${date(random).y}.${pad(random.int(1, 12), 2)}.${pad(random.int(1, 28), 2)}.${random.int(1, 9)}`,
    `${random.int(1, 9)}.${random.int(10, 40)}.${random.int(0, 9)} (${random.digits(5)})`,
  ]);

const ipValue = (random: Random): string => {
  const octet = (): number => random.int(0, 255);
  const v4 = random.pick([
    `192.168.${random.int(0, 255)}.${random.int(1, 254)}`,
    `10.${octet()}.${octet()}.${random.int(1, 254)}`,
    `172.${random.int(16, 31)}.${octet()}.${random.int(1, 254)}`,
    `${random.int(1, 223)}.${octet()}.${octet()}.${random.int(1, 254)}`,
  ]);
  const hex = (): string => random.int(0, 0xffff).toString(16);
  return random.pick([
    v4,
    `${v4}:${random.int(1, 65535)}`,
    `2001:db8::${hex()}:${hex()}`,
    `fe80::${hex()}:${hex()}:${hex()}:${hex()}`,
  ]);
};

/** Values that fail their check; each sentence names the value, so keyword rules are in play. */
const failedChecksum = (random: Random, language: Language): string => {
  /** Changes the digit at `at`, or the nearest digit before it. */
  const bump = (s: string, at: number): string => {
    let i = at;
    while (i > 0 && !/\d/.test(s[i]!)) {
      i--;
    }
    const d = Number(s[i]);
    return s.slice(0, i) + String((d + random.int(1, 9)) % 10) + s.slice(i + 1);
  };
  const kind = random.int(0, 11);
  switch (kind) {
    case 0: {
      const card = bump(cardNumber(random.pick(['4', '51', '37', '6011']), 16, random), 15);
      return place(NEUTRAL, language, `card ${card.replace(/(\d{4})(?=\d)/g, '$1 ')}`, random);
    }
    case 1: {
      const iban = validIban(random.pick(registryCountries()), random);
      const broken = bump(iban, iban.length - 1 - random.int(0, 3));
      return place(
        NEUTRAL,
        language,
        `IBAN ${random.chance(0.5) ? broken : friendlyFormatIBAN(broken)}`,
        random,
      );
    }
    case 2: {
      const area = random.pick(['000', '666', String(random.int(900, 999))]);
      const s = ssn(random);
      return place(NEUTRAL, language, `SSN ${area}-${s.slice(3, 5)}-${s.slice(5)}`, random);
    }
    case 3: {
      const p = bump(personnummer(random).ten, 9);
      return place(NEUTRAL, language, `personnummer ${p.slice(0, 6)}-${p.slice(6)}`, random);
    }
    case 4:
      return place(NEUTRAL, language, `BSN ${bump(bsn(random), 8)}`, random);
    case 5: {
      const d = dni(random);
      const wrong = 'TRWAGMYFPDXBNJZSQVHLCKE'.replace(d[8]!, '');
      return place(NEUTRAL, language, `DNI ${d.slice(0, 8)}${random.pick([...wrong])}`, random);
    }
    case 6: {
      const n = nie(random);
      const wrong = 'TRWAGMYFPDXBNJZSQVHLCKE'.replace(n[8]!, '');
      return place(NEUTRAL, language, `NIE ${n.slice(0, 8)}${random.pick([...wrong])}`, random);
    }
    case 7: {
      const v = bump(nir(random), 14);
      return place(
        NEUTRAL,
        language,
        `NIR ${v.slice(0, 1)} ${v.slice(1, 3)} ${v.slice(3, 5)} ${v.slice(5, 7)} ${v.slice(7, 10)} ${v.slice(10, 13)} ${v.slice(13)}`,
        random,
      );
    }
    case 8: {
      const v = bump(svnr(random), 11);
      return place(
        NEUTRAL,
        language,
        `SV-Nummer ${v.slice(0, 2)} ${v.slice(2, 8)} ${v[8]} ${v.slice(9)}`,
        random,
      );
    }
    case 9: {
      const prefix = random.pick(['QQ', 'DA', 'GB', 'NK', 'TN', 'ZZ', 'FA', 'AO']);
      return place(
        NEUTRAL,
        language,
        `NINO ${prefix} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)} ${random.pick(['A', 'B', 'C', 'D'])}`,
        random,
      );
    }
    case 10: {
      const card = bump(cardNumber('4', 16, random), 15);
      return place(NEUTRAL, language, card, random);
    }
    default: {
      const b = bump(bsn(random), 8);
      return place(
        NEUTRAL,
        language,
        `burgerservicenummer ${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}`,
        random,
      );
    }
  }
};

const otherValue = (random: Random): string =>
  random.pick([
    `0x${random.int(0x10000000, 0x8fffffff).toString(16)}`,
    `${random.int(0, 0xffffffff).toString(16)}-${random.int(0, 0xffff).toString(16)}-4${random.digits(3)}-a${random.digits(3)}-${random.int(0, 0xffffffffffff).toString(16)}`,
    `${random.int(55, 69)}.${random.digits(4)}, ${random.int(10, 24)}.${random.digits(4)}`,
    `-${random.int(1, 30)}.${random.int(0, 9)} °C`,
    `${random.int(2, 9)} x ${random.int(2, 9)} st`,
    `${random.int(5, 15)}-${random.int(16, 45)} minutes`,
    `${random.int(1, 99)}.${random.int(0, 9)}%`,
    `Room ${random.int(100, 1999)}`,
    `ext. ${random.digits(4)}`,
    `${random.int(0, 9)}-${random.int(0, 9)}`,
    `${pad(random.int(1, 12), 2)}/${random.int(25, 35)}`,
    `PIN ${random.digits(4)}`,
    `${random.int(1950, 2000)}-${random.int(2001, 2030)}`,
    `${random.int(1, 999)},${random.digits(3)},${random.digits(3)} views`,
    `${random.int(1, 99)} ${random.digits(3)} ${random.digits(3)} ${random.pick(['inhabitants', 'Einwohner', 'invånare', 'inwoners', 'habitants', 'habitantes'])}`,
    `@${random.pick(['anna', 'jan_99', 'support'])}`,
  ]);

const generators: Record<LookAlikeCategory, (random: Random, language: Language) => string> = {
  order_number: (random, language) => place(ORDER, language, orderValue(random), random),
  invoice_number: (random, language) => place(INVOICE, language, invoiceValue(random), random),
  date_time: (random, language) => place(NEUTRAL, language, dateTimeValue(random), random),
  price: (random, language) => place(NEUTRAL, language, priceValue(random), random),
  postcode: (random, language) => place(NEUTRAL, language, postcodeValue(random), random),
  tracking_number: (random, language) => place(TRACKING, language, trackingValue(random), random),
  isbn: (random, language) => place(ISBN_TEXT, language, isbnValue(random), random),
  version: (random, language) =>
    place(random.chance(0.5) ? VERSION : NEUTRAL, language, versionValue(random), random),
  ip_address: (random, language) => place(IP, language, ipValue(random), random),
  failed_checksum: failedChecksum,
  other_number: (random, language) => place(NEUTRAL, language, otherValue(random), random),
};

export const LOOK_ALIKE_CATEGORIES = Object.keys(generators) as LookAlikeCategory[];

export const buildLookAlikes = (random: Random, perCategoryAndLanguage = 40): LookAlike[] => {
  const out: LookAlike[] = [];
  for (const category of LOOK_ALIKE_CATEGORIES) {
    for (const language of LANGUAGES) {
      for (let k = 0; k < perCategoryAndLanguage; k++) {
        out.push({ category, language, text: generators[category](random, language) });
      }
    }
  }
  return out;
};
