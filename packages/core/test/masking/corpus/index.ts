import type { SensitiveType } from '../../../src/masking/types';
import { buildCardSamples } from './cards';
import { buildEmailSamples } from './emails';
import { buildIbanSamples } from './ibans';
import { buildLookAlikes, type LookAlike } from './look-alikes';
import { buildIdSamples, ID_NAMES } from './national-ids';
import { buildPhoneSamples } from './phones';
import { createRandom, type Random } from './random';
import { LANGUAGES, type Language, placeInSentence, regionOfLanguage } from './sentences';

export type { LookAlike, LookAlikeCategory } from './look-alikes';
export { LOOK_ALIKE_CATEGORIES } from './look-alikes';

/** One planted value: the sentence, where the value sits in it, and how to read it. */
export interface PositiveSample {
  readonly type: SensitiveType;
  /** The finer kind the detector should report (region for phones: the number's own region). */
  readonly kind: string;
  readonly form: string;
  readonly language: Language;
  readonly value: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly defaultRegion: string | undefined;
}

export interface Corpus {
  readonly positives: PositiveSample[];
  readonly lookAlikes: LookAlike[];
  readonly phoneRegions: number;
  readonly regionsWithoutFixedLine: string[];
}

export interface CorpusSize {
  readonly cardsPerPrefixAndLength: number;
  readonly ibansPerCountry: number;
  readonly idsPerForm: number;
  readonly emails: number;
  readonly lookAlikesPerCategoryAndLanguage: number;
}

export const DEFAULT_SIZE: CorpusSize = {
  cardsPerPrefixAndLength: 3,
  ibansPerCountry: 3,
  idsPerForm: 40,
  emails: 300,
  lookAlikesPerCategoryAndLanguage: 40,
};

export const buildCorpus = (seed = 20_240_512, size: CorpusSize = DEFAULT_SIZE): Corpus => {
  const random: Random = createRandom(seed);
  const positives: PositiveSample[] = [];
  const language = (): Language => random.pick(LANGUAGES);
  const add = (
    type: SensitiveType,
    kind: string,
    form: string,
    value: string,
    slot: Parameters<typeof placeInSentence>[0]['slot'],
    options: { defaultRegion?: string | undefined; name?: string; language?: Language } = {},
  ): void => {
    const lang = options.language ?? language();
    const placed = placeInSentence({ value, slot, language: lang, random, name: options.name });
    const defaultRegion = 'defaultRegion' in options ? options.defaultRegion : regionOfLanguage(lang, random);
    positives.push({ type, kind, form, language: lang, value, defaultRegion, ...placed });
  };

  const phones = buildPhoneSamples(random);
  for (const phone of phones.samples) {
    // International forms are read with no region half of the time, with the customer's language's otherwise.
    const lang = language();
    const defaultRegion =
      phone.defaultRegion ?? (random.chance(0.5) ? undefined : regionOfLanguage(lang, random));
    add('phone', phone.region, `${phone.line}/${phone.form}`, phone.value, 'phone', {
      defaultRegion,
      language: lang,
    });
  }
  for (const card of buildCardSamples(random, size.cardsPerPrefixAndLength)) {
    add('card', card.brand, card.form, card.value, 'card');
  }
  for (const iban of buildIbanSamples(random, size.ibansPerCountry)) {
    add('iban', iban.country, iban.form, iban.value, 'iban');
  }
  for (const id of buildIdSamples(random, size.idsPerForm)) {
    const lang = language();
    if (id.needsKeyword || random.chance(0.5)) {
      add('national_id', id.kind, id.form, id.value, 'id', {
        name: random.pick(ID_NAMES[id.kind][lang]),
        language: lang,
      });
    } else {
      add('national_id', id.kind, id.form, id.value, 'any', { language: lang });
    }
  }
  for (const email of buildEmailSamples(random, size.emails)) {
    add('email', 'email', 'address', email, 'email');
  }
  return {
    positives,
    lookAlikes: buildLookAlikes(random, size.lookAlikesPerCategoryAndLanguage),
    phoneRegions: phones.regions,
    regionsWithoutFixedLine: phones.regionsWithoutFixedLine,
  };
};

/**
 * The regions a look-alike is read with: none, and the region of its sentence's language (both
 * for English), as the server reads a customer's messages with the region of the customer.
 */
export const lookAlikeRegions = (language: Language): readonly (string | undefined)[] =>
  ({
    en: [undefined, 'US', 'GB'],
    de: [undefined, 'DE'],
    sv: [undefined, 'SE'],
    nl: [undefined, 'NL'],
    fr: [undefined, 'FR'],
    es: [undefined, 'ES'],
  })[language];
