/**
 * Masking benchmark: Switchboard's masker against @redactpii/node, the faster of the two npm
 * maskers measured before (redact-pii was several times slower), on two kinds of text:
 * - `chat`: a few MB of contact-center chat (chat-text.ts), mostly plain conversation;
 * - `shortLines`: short lines dense with numbers, one value or look-alike each (short-lines.ts).
 *
 *   node --import tsx bench/masking/run.ts     (BENCH_MB=1, BENCH_ROUNDS=31 by default)
 *   BENCH_CLOCK=cpu node --import tsx bench/masking/run.ts
 *
 * Prints one JSON object with ratios only (their time / our time, so 3 means three times as
 * fast): MB/s on a shared machine say more about the machine than about the code. Messages are
 * masked one by one, as the server masks each message for each viewer. Rounds are interleaved,
 * each starts on a collected heap, and the ratio is taken round by round and its median reported,
 * so load that comes and goes weighs on both sides alike: many short rounds, because on a shared
 * machine a round is now and then descheduled, and the median passes over those. With
 * BENCH_CLOCK=cpu a round is timed by the CPU time the process spent (process.cpuUsage, all its
 * threads) instead of the wall clock, so time spent descheduled counts on neither side: on a
 * loaded machine the quartiles close in.
 *
 * The masker remembers phone verdicts (phone.ts, at most 4,096). Masking the same lines round
 * after round would time lookups of verdicts from earlier rounds and passes, so by default the
 * memo is emptied before every pass over the lines, outside the timed span: each pass finds only
 * what a server would remember from numbers repeated within that text (`phoneVerdicts: "emptied
 * before each pass"`, the figure of record). BENCH_CACHE=keep leaves it full, as the bench did
 * before: the figure for text masked again and again (one message per viewer, catch-up reads).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Redactor } from '@redactpii/node';
import { maskSensitiveData } from '../../packages/core/src/masking/index';
import { forgetPhoneVerdicts } from '../../packages/core/src/masking/phone';
import type { SensitiveType } from '../../packages/core/src/masking/types';
import { buildChatText } from './chat-text';
import { type BenchMessage, buildShortLines } from './short-lines';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MB = Number(process.env.BENCH_MB ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
const TARGET = 3;
const CPU_CLOCK = process.env.BENCH_CLOCK === 'cpu';
const KEEP_VERDICTS = process.env.BENCH_CACHE === 'keep';
const TYPES: readonly SensitiveType[] = ['phone', 'email', 'card', 'iban', 'national_id'];

interface Masker {
  mask: (message: BenchMessage) => string;
  /** Forgets what an earlier pass left behind (nothing for a masker that remembers nothing). */
  reset: () => void;
}

// Each timed round starts on a collected heap, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const redactor = new Redactor();
const MASKERS: Record<'switchboard' | 'redactpii', Masker> = {
  switchboard: {
    mask: (m) => maskSensitiveData({ text: m.text, defaultRegion: m.region }).text,
    reset: KEEP_VERDICTS ? () => {} : forgetPhoneVerdicts,
  },
  redactpii: { mask: (m) => redactor.redact(m.text), reset: () => {} },
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const round2 = (n: number): number => Math.round(n * 100) / 100;
const quantile = (values: readonly number[], q: number): number =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;

/** Milliseconds of wall clock, or of the process's CPU time with BENCH_CLOCK=cpu. */
const now = (): number => {
  if (CPU_CLOCK) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  return performance.now();
};

/** Seconds to mask every message `repeat` times; the masker is reset before each pass, untimed. */
const timeRound = (masker: Masker, messages: readonly BenchMessage[], repeat: number): number => {
  collectGarbage();
  let elapsed = 0;
  let sink = 0;
  for (let k = 0; k < repeat; k++) {
    masker.reset();
    const start = now();
    for (const message of messages) {
      sink += masker.mask(message).length;
    }
    elapsed += now() - start;
  }
  if (sink < 0) {
    throw new Error('unreachable');
  }
  return elapsed / 1000;
};

/**
 * A planted value counts as masked when the output keeps at most four of its digits (digits of
 * any script) or, for an address, no longer shows its local part: the product's rule.
 */
const concealed = (message: BenchMessage, output: string): boolean => {
  const sample = message.sample!;
  if (sample.type === 'email') {
    // A local part of one or two characters may occur anywhere in the line; a longer one may not.
    const local = sample.value.slice(0, sample.value.lastIndexOf('@'));
    return !output.includes(sample.value) && (local.length < 3 || !output.includes(local));
  }
  const digits = (s: string): number => s.replace(/[^\p{Nd}]/gu, '').length;
  const around = digits(message.text.slice(0, sample.start)) + digits(message.text.slice(sample.end));
  return digits(output) - around <= 4;
};

const quality = ({ mask }: Masker, messages: readonly BenchMessage[]) => {
  const rows = Object.fromEntries(TYPES.map((t) => [t, { samples: 0, masked: 0 }])) as Record<
    SensitiveType,
    { samples: number; masked: number }
  >;
  let lookAlikes = 0;
  let lookAlikesChanged = 0;
  for (const message of messages) {
    const output = mask(message);
    if (message.sample !== undefined) {
      rows[message.sample.type].samples++;
      rows[message.sample.type].masked += concealed(message, output) ? 1 : 0;
    } else if (message.lookAlike !== undefined) {
      lookAlikes++;
      lookAlikesChanged += output === message.text ? 0 : 1;
    }
  }
  const planted = TYPES.reduce((n, t) => n + rows[t].samples, 0);
  const masked = TYPES.reduce((n, t) => n + rows[t].masked, 0);
  return {
    recallPercent: Object.fromEntries(
      TYPES.map((t) => [t, round2((100 * rows[t].masked) / Math.max(1, rows[t].samples))]),
    ),
    overallRecallPercent: round2((100 * masked) / planted),
    lookAlikesChanged: `${lookAlikesChanged} of ${lookAlikes}`,
  };
};

const measure = (name: string, messages: readonly BenchMessage[], bytes: number, repeat: number) => {
  for (let k = 0; k < 2; k++) {
    timeRound(MASKERS.switchboard, messages, repeat);
    timeRound(MASKERS.redactpii, messages, repeat);
  }
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate who goes first, so neither always runs on a warmer or a cooler machine.
    const oursFirst = r % 2 === 0;
    const a = timeRound(oursFirst ? MASKERS.switchboard : MASKERS.redactpii, messages, repeat);
    const b = timeRound(oursFirst ? MASKERS.redactpii : MASKERS.switchboard, messages, repeat);
    ratios.push(oursFirst ? b / a : a / b);
  }
  const ratio = median(ratios);
  return {
    text: name,
    messages: messages.length,
    averageMessageBytes: Math.round(bytes / messages.length),
    speedOverRedactpiiMedian: round2(ratio),
    speedOverRedactpiiQuartiles: [round2(quantile(ratios, 0.25)), round2(quantile(ratios, 0.75))],
    [`atLeast${TARGET}x`]: ratio >= TARGET,
    switchboard: quality(MASKERS.switchboard, messages),
    redactpii: quality(MASKERS.redactpii, messages),
  };
};

/** Median wall time of `switchboard mask` on one line, in its own process, as shipped. */
const cliStartSeconds = (): number => {
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [resolve(ROOT, 'apps/server/bin/switchboard.js'), 'mask'], {
      input: 'call +447966197542\n',
    });
    if (run.status !== 0) {
      throw new Error(`switchboard mask exited with ${run.status}: ${run.stderr}`);
    }
    times.push((performance.now() - start) / 1000);
  }
  return round2(median(times));
};

const chat = buildChatText({ targetBytes: MB * 1_000_000 });
const short = buildShortLines();
const report = {
  benchmark: 'masking',
  node: process.version,
  cpus: cpus().length,
  rounds: ROUNDS,
  clock: CPU_CLOCK ? 'process CPU time' : 'wall clock',
  phoneVerdicts: KEEP_VERDICTS
    ? 'kept from pass to pass and round to round (BENCH_CACHE=keep: text masked again and again)'
    : 'emptied before each pass (the figure of record)',
  loadAverageAtStart: loadavg().map(round2),
  against: '@redactpii/node Redactor, default rules (NAME, EMAIL, PHONE, CREDIT_CARD, SSN), local only',
  results: [
    measure(
      'chat: contact-center chat, 85% plain, 5% one value, 10% look-alikes, six languages',
      chat.messages,
      chat.bytes,
      1,
    ),
    // The short lines are few; masking them several times per round makes a round long enough to time.
    measure(
      'shortLines: held-out corpus, one value or look-alike per line, nine languages',
      short.messages,
      short.bytes,
      4,
    ),
  ],
  cliStartSeconds: cliStartSeconds(),
  loadAverageAtEnd: loadavg().map(round2),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
