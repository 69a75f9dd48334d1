import { describe, expect, it } from 'vitest';
import { detectSensitiveData, maskValue } from '../../../src/masking/index';
import type { SensitiveType } from '../../../src/masking/types';
import { buildHeldOutCorpus } from './corpus';

/**
 * Recall on the held-out corpus (corpus.ts): a planted value counts when one finding covers
 * exactly its characters and its masked form differs from it (an address of one character kept
 * "its first character" and so stayed readable). Per type at least 99%, overall at least 99.5%, no look-alike changed.
 */

const TYPES: readonly SensitiveType[] = ['phone', 'email', 'card', 'iban', 'national_id'];

describe('recall on the held-out corpus', () => {
  const { positives, lookAlikes } = buildHeldOutCorpus();
  const rows = new Map(TYPES.map((t) => [t, { samples: 0, masked: 0 }]));
  const byForm = new Map<string, { samples: number; masked: number }>();
  const misses: string[] = [];
  for (const sample of positives) {
    const findings = detectSensitiveData({ text: sample.text, defaultRegion: sample.region });
    const value = sample.text.slice(sample.start, sample.end);
    const hit = findings.some(
      (f) => f.start === sample.start && f.end === sample.end && maskValue({ value, type: f.type }) !== value,
    );
    const row = rows.get(sample.type)!;
    const form = byForm.get(`${sample.type} ${sample.form}`) ?? { samples: 0, masked: 0 };
    byForm.set(`${sample.type} ${sample.form}`, form);
    row.samples++;
    form.samples++;
    if (hit) {
      row.masked++;
      form.masked++;
    } else {
      misses.push(`${sample.type} ${sample.form} [${sample.region ?? '-'}] ${JSON.stringify(sample.text)}`);
    }
  }
  const changed = lookAlikes
    .filter((l) => detectSensitiveData({ text: l.text, defaultRegion: l.region }).length > 0)
    .map((l) => `${l.form} [${l.region ?? '-'}] ${JSON.stringify(l.text)}`);
  const total = [...rows.values()].reduce(
    (a, r) => ({ samples: a.samples + r.samples, masked: a.masked + r.masked }),
    {
      samples: 0,
      masked: 0,
    },
  );

  it('prints the report', () => {
    const pct = (r: { samples: number; masked: number }) => `${((100 * r.masked) / r.samples).toFixed(2)}%`;
    console.table(
      [...rows].map(([type, r]) => ({ type, samples: r.samples, masked: r.masked, recall: pct(r) })),
    );
    console.log(
      `overall ${total.masked}/${total.samples} = ${pct(total)}; look-alikes ${lookAlikes.length}, changed ${changed.length}`,
    );
    console.table(
      [...byForm]
        .filter(([, r]) => r.masked < r.samples)
        .map(([form, r]) => ({ form, ...r, recall: pct(r) })),
    );
    for (const m of misses.slice(0, 400)) {
      console.log(`  missed: ${m}`);
    }
    for (const c of changed.slice(0, 40)) {
      console.log(`  changed: ${c}`);
    }
    expect(positives.length).toBeGreaterThan(1500);
  });

  it.each(TYPES)('masks at least 99%% of the %s values', (type) => {
    const row = rows.get(type)!;
    expect(row.masked / row.samples).toBeGreaterThanOrEqual(0.99);
  });

  it('masks at least 99.5% of all values', () => {
    expect(total.masked / total.samples).toBeGreaterThanOrEqual(0.995);
  });

  it('changes no look-alike', () => {
    expect(changed).toEqual([]);
  });
});
