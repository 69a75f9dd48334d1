import type { Random } from './random';

/** E-mail addresses as customers have them: names, initials, digits, tags, sub-domains, a few accents. */

const FIRST = [
  'melissa',
  'anna',
  'jan',
  'lars',
  'sophie',
  'pedro',
  'marie',
  'jörg',
  'åsa',
  'noël',
  'o.connor',
  'li',
];
const LAST = ['jansen', 'svensson', 'müller', 'dupont', 'garcia', 'smith', 'de-vries', 'lindström', 'martin'];
const DOMAINS = [
  'gmail.com',
  'example.com',
  'telia.se',
  'web.de',
  'ziggo.nl',
  'orange.fr',
  'telefonica.es',
  'mail.co.uk',
  'student.uu.se',
  'posteo.de',
  'hotmail.fr',
  'xn--mller-kva.de',
];

export const buildEmailSamples = (random: Random, count = 300): string[] => {
  const samples: string[] = [];
  for (let k = 0; k < count; k++) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const local = random.pick([
      first,
      `${first}.${last}`,
      `${first}${last}`,
      `${first[0]}.${last}`,
      `${first}_${last}${random.int(1, 99)}`,
      `${first}+support`,
      `${first}${random.int(1960, 2010)}`,
      `${last}-${first}`,
    ]);
    samples.push(`${local}@${random.pick(DOMAINS)}`);
  }
  return samples;
};
