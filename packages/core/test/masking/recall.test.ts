import { describe, expect, it } from 'vitest';
import { applyMasks, detectSensitiveData } from '../../src/masking/index';
import type { Finding, SensitiveType } from '../../src/masking/types';
import { buildCorpus, LOOK_ALIKE_CATEGORIES, type LookAlikeCategory } from './corpus/index';

/**
 * The recall report. A planted value counts as masked when a finding covers exactly its
 * characters (so the masked sentence is the expected one), and as typed when that finding also
 * has the planted type. The corpus is seeded; set MASKING_CORPUS_SEED to replay another one.
 */

const SEED = Number(process.env.MASKING_CORPUS_SEED ?? 20_240_512);
const TYPES: readonly SensitiveType[] = ['phone', 'email', 'card', 'iban', 'national_id'];
const REQUIRED_RECALL = 0.995;

/** Every look-alike is read with no region and with the region of each seed country. */
const LOOK_ALIKE_REGIONS: readonly (string | undefined)[] = [
  undefined,
  'US',
  'GB',
  'DE',
  'SE',
  'NL',
  'FR',
  'ES',
];

interface Row {
  samples: number;
  masked: number;
  typed: number;
  misses: string[];
}

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(2)}%`;

describe('recall on the corpus and false positives on look-alikes', () => {
  const corpus = buildCorpus(SEED);
  const rows = new Map<SensitiveType, Row>(
    TYPES.map((t) => [t, { samples: 0, masked: 0, typed: 0, misses: [] }]),
  );
  const byForm = new Map<string, { samples: number; masked: number }>();
  const strays: string[] = [];

  for (const sample of corpus.positives) {
    const findings = detectSensitiveData({ text: sample.text, defaultRegion: sample.defaultRegion });
    const exact = findings.find((f) => f.start === sample.start && f.end === sample.end);
    const row = rows.get(sample.type)!;
    row.samples++;
    const form = `${sample.type} ${sample.type === 'phone' ? sample.form : `${sample.kind} ${sample.form}`}`;
    const formRow = byForm.get(form) ?? { samples: 0, masked: 0 };
    formRow.samples++;
    byForm.set(form, formRow);
    if (exact !== undefined) {
      row.masked++;
      formRow.masked++;
      if (exact.type === sample.type) {
        row.typed++;
      }
    } else {
      row.misses.push(
        `${sample.kind} ${sample.form} [${sample.defaultRegion ?? '-'}] ${JSON.stringify(sample.text)}`,
      );
    }
    for (const f of findings) {
      if (f !== exact) {
        strays.push(
          `${JSON.stringify(sample.text)} ${f.type} ${JSON.stringify(sample.text.slice(f.start, f.end))}`,
        );
      }
    }
  }

  const falsePositives: string[] = [];
  const lookAlikesByCategory = new Map<LookAlikeCategory, { texts: number; changed: number }>(
    LOOK_ALIKE_CATEGORIES.map((c) => [c, { texts: 0, changed: 0 }]),
  );
  for (const lookAlike of corpus.lookAlikes) {
    const stat = lookAlikesByCategory.get(lookAlike.category)!;
    stat.texts++;
    let changed = false;
    for (const defaultRegion of LOOK_ALIKE_REGIONS) {
      const findings: Finding[] = detectSensitiveData({ text: lookAlike.text, defaultRegion });
      if (findings.length > 0) {
        changed = true;
        const what = findings.map((f) => `${f.type}:${lookAlike.text.slice(f.start, f.end)}`).join(', ');
        falsePositives.push(
          `${lookAlike.category} [${defaultRegion ?? '-'}] ${JSON.stringify(lookAlike.text)} -> ${what}`,
        );
      }
    }
    if (changed) {
      stat.changed++;
    }
  }

  it('prints the report', () => {
    console.log(
      `\nMasking recall (seed ${SEED}; ${corpus.phoneRegions} phone regions, fixed-line example missing for ${corpus.regionsWithoutFixedLine.join(', ') || 'none'})`,
    );
    console.table(
      TYPES.map((type) => {
        const row = rows.get(type)!;
        return {
          type,
          samples: row.samples,
          masked: row.masked,
          recall: percent(row.masked, row.samples),
          'typed as planted': percent(row.typed, row.samples),
        };
      }),
    );
    console.table(
      [...byForm.entries()]
        .filter(([, r]) => r.masked < r.samples)
        .map(([form, r]) => ({
          form,
          samples: r.samples,
          masked: r.masked,
          recall: percent(r.masked, r.samples),
        })),
    );
    for (const row of rows.values()) {
      for (const miss of row.misses) {
        console.log(`  missed: ${miss}`);
      }
    }
    console.log(
      `Look-alikes: ${corpus.lookAlikes.length} texts x ${LOOK_ALIKE_REGIONS.length} regions, changed: ${falsePositives.length}`,
    );
    console.table(
      [...lookAlikesByCategory.entries()].map(([category, s]) => ({
        category,
        texts: s.texts,
        changed: s.changed,
      })),
    );
    for (const fp of falsePositives) {
      console.log(`  false positive: ${fp}`);
    }
    expect(corpus.positives.length).toBeGreaterThan(5000);
  });

  it.each(TYPES)('masks at least 99.5%% of the %s values', (type) => {
    const row = rows.get(type)!;
    expect(row.samples).toBeGreaterThan(0);
    expect(row.masked / row.samples).toBeGreaterThanOrEqual(REQUIRED_RECALL);
  });

  it('masks nothing else in the sentences of the corpus', () => {
    expect(strays).toEqual([]);
  });

  it('changes no look-alike, read with any of the regions', () => {
    expect(falsePositives).toEqual([]);
  });

  it('masks a planted value as the seeds show: the same length, the last four digits or the domain', () => {
    for (const sample of corpus.positives.slice(0, 2000)) {
      const findings = detectSensitiveData({ text: sample.text, defaultRegion: sample.defaultRegion });
      const masked = applyMasks({ text: sample.text, findings });
      expect(masked.length).toBe(sample.text.length);
      expect(masked.slice(0, sample.start) + masked.slice(sample.end)).toBe(
        sample.text.slice(0, sample.start) + sample.text.slice(sample.end),
      );
    }
  });
});
