import {
  buildCorpus,
  type LookAlike,
  type PositiveSample,
} from '../../packages/core/test/masking/corpus/index';
import { createRandom, type Random } from '../../packages/core/test/masking/corpus/random';
import {
  LANGUAGES,
  type Language,
  regionOfLanguage,
} from '../../packages/core/test/masking/corpus/sentences';

/**
 * A few MB of contact-center chat, one message per line, in the six languages of the desktop.
 * Most messages are plain conversation (some with small numbers: quantities, times, prices,
 * short order numbers); a share carries one sensitive value from the test corpus, another share
 * a look-alike (order and tracking numbers, dates, prices, IBANs failing their check...).
 */

const PLAIN: Record<Language, readonly string[]> = {
  en: [
    'Hi, I ordered a jacket last week and it still has not arrived.',
    'Thanks a lot for your help, have a nice day!',
    'Can you check the status for me please?',
    'I was charged {price} but the price on the website was lower.',
    'The delivery guy came at {time} but nobody rang the bell.',
    'I would like to return {n} items, how does that work?',
    'ok',
    'Yes, that is correct.',
    'My order {order} is missing one shoe.',
    'Is there a store near me where I can pick it up?',
    'I have been waiting for {n} days now, this is not acceptable.',
    'Perfect, that works for me.',
  ],
  de: [
    'Hallo, ich habe letzte Woche eine Jacke bestellt und sie ist noch nicht da.',
    'Vielen Dank für Ihre Hilfe, schönen Tag noch!',
    'Können Sie bitte den Status prüfen?',
    'Mir wurden {price} berechnet, auf der Webseite stand aber weniger.',
    'Der Bote kam um {time}, aber niemand hat geklingelt.',
    'Ich möchte {n} Artikel zurückschicken, wie geht das?',
    'ok danke',
    'Ja, das stimmt so.',
    'In meiner Bestellung {order} fehlt ein Schuh.',
    'Gibt es eine Filiale in meiner Nähe?',
    'Ich warte jetzt seit {n} Tagen, das geht so nicht.',
    'Perfekt, passt mir gut.',
  ],
  sv: [
    'Hej, jag beställde en jacka förra veckan och den har inte kommit än.',
    'Tack så mycket för hjälpen, ha en bra dag!',
    'Kan du kolla statusen åt mig?',
    'Jag debiterades {price} men priset på sajten var lägre.',
    'Budet kom kl {time} men ingen ringde på.',
    'Jag vill returnera {n} varor, hur gör jag?',
    'ok',
    'Ja, det stämmer.',
    'I min order {order} saknas en sko.',
    'Finns det en butik nära mig där jag kan hämta den?',
    'Jag har väntat i {n} dagar nu, det är inte okej.',
    'Perfekt, det passar mig.',
  ],
  nl: [
    'Hallo, ik heb vorige week een jas besteld en die is nog niet binnen.',
    'Heel erg bedankt voor uw hulp, fijne dag!',
    'Kunt u de status voor mij nakijken?',
    'Er is {price} afgeschreven, maar op de website stond een lagere prijs.',
    'De bezorger kwam om {time} maar belde niet aan.',
    'Ik wil {n} artikelen terugsturen, hoe werkt dat?',
    'oké',
    'Ja, dat klopt.',
    'In mijn bestelling {order} ontbreekt een schoen.',
    'Is er een winkel bij mij in de buurt?',
    'Ik wacht nu al {n} dagen, dit kan niet.',
    'Perfect, dat past mij.',
  ],
  fr: [
    "Bonjour, j'ai commandé une veste la semaine dernière et elle n'est pas arrivée.",
    'Merci beaucoup pour votre aide, bonne journée !',
    'Pouvez-vous vérifier le statut pour moi ?',
    "On m'a débité {price} alors que le prix sur le site était plus bas.",
    "Le livreur est passé à {time} mais personne n'a sonné.",
    'Je voudrais retourner {n} articles, comment faire ?',
    "d'accord",
    "Oui, c'est exact.",
    'Dans ma commande {order} il manque une chaussure.',
    'Y a-t-il un magasin près de chez moi ?',
    "J'attends depuis {n} jours, ce n'est pas normal.",
    'Parfait, ça me va.',
  ],
  es: [
    'Hola, pedí una chaqueta la semana pasada y todavía no ha llegado.',
    'Muchas gracias por su ayuda, ¡buen día!',
    '¿Puede revisar el estado por favor?',
    'Me cobraron {price} pero en la web el precio era menor.',
    'El repartidor vino a las {time} pero nadie llamó al timbre.',
    'Quiero devolver {n} artículos, ¿cómo se hace?',
    'vale',
    'Sí, es correcto.',
    'En mi pedido {order} falta un zapato.',
    '¿Hay alguna tienda cerca de mí?',
    'Llevo {n} días esperando, esto no es normal.',
    'Perfecto, me viene bien.',
  ],
};

const fill = (template: string, random: Random): string =>
  template
    .replace('{price}', () => `${random.int(5, 499)},${random.pick(['00', '90', '95', '99'])} €`)
    .replace('{time}', () => `${random.int(8, 20)}:${String(random.int(0, 59)).padStart(2, '0')}`)
    .replace('{n}', () => String(random.int(2, 9)))
    .replace('{order}', () => String(random.int(10000, 99999)));

export interface ChatMessage {
  readonly text: string;
  readonly region: string | undefined;
  /** The planted value, for the recall measurement. */
  readonly sample?: PositiveSample;
  readonly lookAlike?: LookAlike;
}

export interface ChatText {
  readonly messages: ChatMessage[];
  readonly bytes: number;
  readonly composition: { plain: number; sensitive: number; lookAlike: number };
}

/** Messages until `targetBytes` of UTF-8: 85% plain, 5% with a sensitive value, 10% look-alikes. */
export const buildChatText = ({
  targetBytes,
  seed = 42,
}: {
  targetBytes: number;
  seed?: number;
}): ChatText => {
  const random = createRandom(seed);
  const corpus = buildCorpus(seed);
  const messages: ChatMessage[] = [];
  const composition = { plain: 0, sensitive: 0, lookAlike: 0 };
  let bytes = 0;
  while (bytes < targetBytes) {
    const roll = random.next();
    let message: ChatMessage;
    if (roll < 0.05) {
      const sample = random.pick(corpus.positives);
      message = { text: sample.text, region: sample.defaultRegion, sample };
      composition.sensitive++;
    } else if (roll < 0.15) {
      const lookAlike = random.pick(corpus.lookAlikes);
      message = { text: lookAlike.text, region: regionOfLanguage(lookAlike.language, random), lookAlike };
      composition.lookAlike++;
    } else {
      const language = random.pick(LANGUAGES);
      message = {
        text: fill(random.pick(PLAIN[language]), random),
        region: regionOfLanguage(language, random),
      };
      composition.plain++;
    }
    messages.push(message);
    bytes += Buffer.byteLength(message.text) + 1;
  }
  return { messages, bytes, composition };
};
