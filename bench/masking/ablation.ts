/**
 * Where the masker's time goes on short, number-dense lines, and what the 3x target of issue 16
 * leaves for each part: the masker bundled as it is, then again with one part replaced by a stub
 * that costs nothing (its answer fixed), each timed in a process of its own.
 *
 *   node --import tsx bench/masking/ablation.ts      (ABLATION_PASSES=600, ABLATION_RUNS=3)
 *
 * A stub changes what is found (a verdict fixed to yes masks more), so these are bounds on what a
 * faster part could give, not figures of a masker. Prints one JSON object, µs of process CPU time
 * per line (medians of the runs): the masker, @redactpii/node, the budget a 3x ratio leaves, and
 * each variant.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.ABLATION_RUNS ?? 3);

/** Each variant: the functions of the bundle (by name) replaced, and by what. */
const VARIANTS: { name: string; stubs: Record<string, string> }[] = [
  { name: 'as it is', stubs: {} },
  {
    name: 'phone verdicts free (numbering plans never read)',
    stubs: { isNationalPhone: '() => true', isInternationalPhone: '() => true' },
  },
  { name: 'no reference words read before a number', stubs: { isReferenceContext: '() => false' } },
  { name: 'masks not applied (findings only)', stubs: { applyMasks: '({ text }) => text' } },
  { name: 'numbers tokenised, no spans read (no id, card, phone)', stubs: { matchFrom: '() => -1' } },
  {
    name: 'no number read at all (digits skipped; e-mails only)',
    stubs: { scanNumberAt: '(scan, d, runEnd = -1) => (runEnd > d ? runEnd : d + 1)' },
  },
];

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

const dir = mkdtempSync(join(tmpdir(), 'masking-ablation-'));
try {
  const bundle = join(dir, 'entry.mjs');
  await build({
    entryPoints: [join(HERE, 'ablation-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    absWorkingDir: resolve(HERE, '../..'),
  });
  const source = readFileSync(bundle, 'utf8');
  const run = (file: string, theirs: boolean) => {
    const out = spawnSync(process.execPath, [file], {
      encoding: 'utf8',
      env: { ...process.env, ABLATION_THEIRS: theirs ? '1' : '0' },
    });
    if (out.status !== 0) {
      throw new Error(`${file}: ${out.stderr}`);
    }
    return JSON.parse(out.stdout) as { ours: number; redactpii: number | null };
  };
  const theirs = median(Array.from({ length: RUNS }, () => run(bundle, true).redactpii!));
  const variants = VARIANTS.map(({ name, stubs }) => {
    let text = source;
    for (const [fn, stub] of Object.entries(stubs)) {
      const at = text.indexOf(`\nvar ${fn} = `);
      if (at < 0) {
        throw new Error(`the bundle has no function ${fn}: update the variant "${name}"`);
      }
      // The stub takes the name; the original stays, renamed, for nothing to call.
      text = `${text.slice(0, at)}\nvar ${fn} = ${stub};\nvar ${fn}__replaced = ${text.slice(at + `\nvar ${fn} = `.length)}`;
    }
    const file = join(dir, `variant-${name.replace(/\W+/g, '-')}.mjs`);
    writeFileSync(file, text);
    return { name, usPerLine: round3(median(Array.from({ length: RUNS }, () => run(file, false).ours))) };
  });
  console.log(
    JSON.stringify(
      {
        benchmark: 'masking ablation (short lines)',
        node: process.version,
        lines: 'the held-out corpus, as run.ts shortLines',
        redactpiiUsPerLine: round3(theirs),
        budgetFor3xUsPerLine: round3(theirs / 3),
        variants,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
