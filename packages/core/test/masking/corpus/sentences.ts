import type { Random } from './random';

/**
 * Chat sentences in the six languages of the desktop, with a slot `{v}` for the value. Written the
 * way customers write: the value at the start, in the middle, at the end, before punctuation, in
 * brackets, after a colon. None of them contains a number of its own.
 */

export type Language = 'en' | 'de' | 'sv' | 'nl' | 'fr' | 'es';

export const LANGUAGES: readonly Language[] = ['en', 'de', 'sv', 'nl', 'fr', 'es'];

/** The region a conversation in this language most likely comes from (en alternates US and GB). */
export const regionOfLanguage = (language: Language, random: Random): string =>
  ({ en: random.chance(0.5) ? 'US' : 'GB', de: 'DE', sv: 'SE', nl: 'NL', fr: 'FR', es: 'ES' })[language];

export type Slot = 'phone' | 'email' | 'card' | 'iban' | 'id' | 'any';

type Templates = Record<Slot, readonly string[]>;

const TEMPLATES: Record<Language, Templates> = {
  en: {
    phone: [
      'Please call me back on {v} after lunch.',
      'My mobile is {v}',
      '{v} is the best number to reach me.',
      'My parcel never came, can you call me at {v}?',
      'You can text me ({v}) any time.',
      'Phone: {v}, ask for Anna.',
    ],
    email: [
      'Send the receipt to {v} please.',
      'My email is {v}',
      '{v} is my address, thanks!',
      'Could you write to me at <{v}>?',
    ],
    card: [
      'I paid with my card {v} and was charged twice.',
      'The card number is {v}.',
      '{v} expired last month, can I update it?',
      'card: {v}',
    ],
    iban: [
      'Please refund to my account {v}, thanks.',
      'IBAN: {v}',
      'Can you send the money to {v}?',
      'My bank details are {v} (Anna Smith).',
    ],
    id: [
      'My {name} is {v}.',
      'Here is my {name}: {v}',
      '{name} {v}, is that enough?',
      'You asked for my {name} - it is {v}',
    ],
    any: ['Here you go: {v}', '{v}', 'ok so {v} thanks', 'it is "{v}" if I remember well'],
  },
  de: {
    phone: [
      'Bitte rufen Sie mich unter {v} zurück.',
      'Meine Handynummer ist {v}',
      '{v} ist meine Nummer, ab Mittag erreichbar.',
      'Mein Paket ist nicht angekommen, ruf mich bitte an: {v}.',
      'Telefon: {v} (nur abends)',
      'Erreichbar unter {v}, danke!',
    ],
    email: [
      'Schicken Sie die Rechnung bitte an {v}.',
      'Meine E-Mail-Adresse lautet {v}',
      '{v} ist meine Adresse.',
      'Mail an {v} wäre super!',
    ],
    card: [
      'Ich habe mit der Karte {v} bezahlt.',
      'Kreditkartennummer: {v}',
      '{v} wurde zweimal belastet.',
      'Die Karte ({v}) ist abgelaufen.',
    ],
    iban: [
      'Bitte überweisen Sie auf {v}.',
      'IBAN: {v}',
      'Meine Bankverbindung ist {v}, Kontoinhaber Max Muster.',
      'Erstattung bitte an {v}!',
    ],
    id: [
      'Meine {name} lautet {v}.',
      'Hier ist meine {name}: {v}',
      '{name} {v}, reicht das?',
      'Sie wollten meine {name}, sie ist {v}',
    ],
    any: ['Bitte schön: {v}', '{v}', 'also {v} danke', 'es ist „{v}“ glaube ich'],
  },
  sv: {
    phone: [
      'Ring mig på {v} efter lunch.',
      'Mitt mobilnummer är {v}',
      '{v} är numret där du når mig.',
      'Paketet har inte kommit, kan ni ringa mig på {v}?',
      'Telefon: {v} (bäst på kvällen)',
      'Du kan sms:a mig på {v}, tack!',
    ],
    email: ['Skicka kvittot till {v} tack.', 'Min e-post är {v}', '{v} är min adress.', 'Mejla mig på {v}!'],
    card: [
      'Jag betalade med kortet {v} och blev debiterad två gånger.',
      'Kortnummer: {v}',
      '{v} har gått ut, kan jag byta?',
      'Kortet ({v}) fungerar inte.',
    ],
    iban: [
      'Sätt in pengarna på {v}, tack.',
      'IBAN: {v}',
      'Mitt konto är {v} hos banken.',
      'Återbetalning till {v}!',
    ],
    id: [
      'Mitt {name} är {v}.',
      'Här är mitt {name}: {v}',
      '{name} {v}, räcker det?',
      'Ni bad om mitt {name}, det är {v}',
    ],
    any: ['Varsågod: {v}', '{v}', 'alltså {v} tack', 'det är "{v}" om jag minns rätt'],
  },
  nl: {
    phone: [
      'Kunt u mij terugbellen op {v}?',
      'Mijn mobiele nummer is {v}',
      '{v} is het beste nummer om mij te bereiken.',
      'Mijn pakket is niet aangekomen, bel me op {v}.',
      'Telefoon: {v} (na vijf uur)',
      'U kunt mij bereiken op {v}, bedankt!',
    ],
    email: ['Stuur de factuur naar {v} aub.', 'Mijn e-mail is {v}', '{v} is mijn adres.', 'Mail me op {v}!'],
    card: [
      'Ik heb betaald met kaart {v} en ben twee keer belast.',
      'Kaartnummer: {v}',
      '{v} is verlopen, kan ik hem bijwerken?',
      'De kaart ({v}) werkt niet.',
    ],
    iban: [
      'Stort het bedrag op {v} aub.',
      'IBAN: {v}',
      'Mijn rekening is {v} t.n.v. J. Jansen.',
      'Terugbetaling naar {v}!',
    ],
    id: [
      'Mijn {name} is {v}.',
      'Hier is mijn {name}: {v}',
      '{name} {v}, is dat genoeg?',
      'U vroeg om mijn {name}, het is {v}',
    ],
    any: ['Alstublieft: {v}', '{v}', 'dus {v} bedankt', 'het is "{v}" als ik het goed heb'],
  },
  fr: {
    phone: [
      'Pouvez-vous me rappeler au {v} ?',
      'Mon portable : {v}',
      '{v} est le meilleur numéro pour me joindre.',
      "Mon colis n'est pas arrivé, appelez-moi au {v}.",
      'Téléphone : {v} (après 18 h)',
      'Vous pouvez me joindre au {v}, merci !',
    ],
    email: [
      'Envoyez la facture à {v} svp.',
      'Mon adresse e-mail est {v}',
      "{v} c'est mon adresse.",
      'Écrivez-moi à {v} !',
    ],
    card: [
      "J'ai payé avec la carte {v} et j'ai été débité deux fois.",
      'Numéro de carte : {v}',
      '{v} a expiré, puis-je la mettre à jour ?',
      'La carte ({v}) ne marche pas.',
    ],
    iban: [
      'Remboursez sur {v} svp.',
      'IBAN : {v}',
      'Mon compte est {v} au nom de Marie Dupont.',
      'Virement sur {v} !',
    ],
    id: [
      'Mon {name} est {v}.',
      'Voici mon {name} : {v}',
      '{name} {v}, ça suffit ?',
      'Vous avez demandé mon {name}, le voici : {v}',
    ],
    any: ['Voilà : {v}', '{v}', 'donc {v} merci', "c'est « {v} » si je me souviens bien"],
  },
  es: {
    phone: [
      '¿Me puede llamar al {v}?',
      'Mi móvil es {v}',
      '{v} es el mejor número para contactarme.',
      'Mi paquete no ha llegado, llámame al {v}.',
      'Teléfono: {v} (por la tarde)',
      'Puede escribirme por WhatsApp al {v}, ¡gracias!',
    ],
    email: [
      'Envíe la factura a {v} por favor.',
      'Mi correo es {v}',
      '{v} es mi dirección.',
      '¡Escríbeme a {v}!',
    ],
    card: [
      'Pagué con la tarjeta {v} y me cobraron dos veces.',
      'Número de tarjeta: {v}',
      '{v} caducó, ¿puedo actualizarla?',
      'La tarjeta ({v}) no funciona.',
    ],
    iban: [
      'Hagan el reembolso a {v} por favor.',
      'IBAN: {v}',
      'Mi cuenta es {v} a nombre de Ana García.',
      '¡Transferencia a {v}!',
    ],
    id: [
      'Mi {name} es {v}.',
      'Aquí está mi {name}: {v}',
      '{name} {v}, ¿es suficiente?',
      'Me pidió mi {name}, es {v}',
    ],
    any: ['Aquí tiene: {v}', '{v}', 'pues {v} gracias', 'es «{v}» si no recuerdo mal'],
  },
};

export interface Placed {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A sentence of `language` with `value` in a `slot` template (or a neutral one, now and then). */
export const placeInSentence = ({
  value,
  slot,
  language,
  random,
  name,
}: {
  value: string;
  slot: Slot;
  language: Language;
  random: Random;
  name?: string;
}): Placed => {
  const templates = TEMPLATES[language];
  const pool = slot !== 'id' && random.chance(0.25) ? templates.any : templates[slot];
  const template = random.pick(pool).replace('{name}', () => name ?? '');
  const start = template.indexOf('{v}');
  return {
    text: template.slice(0, start) + value + template.slice(start + 3),
    start,
    end: start + value.length,
  };
};
