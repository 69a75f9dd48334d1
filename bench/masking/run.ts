/**
 * Masking benchmark: throughput (MB/s of chat text) and recall of Switchboard's masker, of the CLI,
 * and of the npm packages redact-pii and @redactpii/node, on the same messages in the same run.
 *
 *   node --import tsx bench/masking/run.ts            (BENCH_MB=4, BENCH_ROUNDS=7 by default)
 *
 * Prints one JSON object. Messages are masked one by one, as the server masks each message for
 * each viewer; rounds of the libraries are interleaved, each starts on a collected heap, and the
 * median round is reported, so a busy machine slows all of them alike.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runMaskCommand } from '../../apps/server/src/cli/mask-command';
import { detectSensitiveData, maskSensitiveData } from '../../packages/core/src/masking/index';
import type { SensitiveType } from '../../packages/core/src/masking/types';
import { buildChatText, type ChatMessage } from './chat-text';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MB = Number(process.env.BENCH_MB ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TYPES: readonly SensitiveType[] = ['phone', 'email', 'card', 'iban', 'national_id'];

type Masker = (message: ChatMessage) => string;

// Each timed round starts on a collected heap, so no library pays for another one's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Library {
  readonly name: string;
  readonly mask?: Masker;
  readonly note: string;
  readonly error?: string;
}

const loadLibraries = async (): Promise<Library[]> => {
  const libraries: Library[] = [
    {
      name: 'switchboard',
      mask: (m) => maskSensitiveData({ text: m.text, defaultRegion: m.region }).text,
      note: 'maskSensitiveData per message, with the region of the conversation',
    },
  ];
  try {
    const { SyncRedactor } = await import('redact-pii');
    const redactor = new SyncRedactor();
    libraries.push({
      name: 'redact-pii',
      mask: (m) => redactor.redact(m.text),
      note: 'SyncRedactor with its built-in local regex redactors (names, e-mail, phone, card, SSN, digits, ...); the Google DLP redactor is not used',
    });
  } catch (error) {
    libraries.push({ name: 'redact-pii', note: 'failed to load', error: String(error) });
  }
  try {
    const { Redactor } = await import('@redactpii/node');
    const redactor = new Redactor();
    libraries.push({
      name: '@redactpii/node',
      mask: (m) => redactor.redact(m.text),
      note: 'Redactor with default rules (NAME, EMAIL, PHONE, CREDIT_CARD, SSN), no API key: local only',
    });
  } catch (error) {
    libraries.push({ name: '@redactpii/node', note: 'failed to load', error: String(error) });
  }
  return libraries;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

const timeRound = (mask: Masker, messages: readonly ChatMessage[]): number => {
  collectGarbage();
  const start = performance.now();
  let sink = 0;
  for (const message of messages) {
    sink += mask(message).length;
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) {
    throw new Error('unreachable');
  }
  return seconds;
};

/**
 * A planted value counts as masked by a library when the output line keeps at most four of its
 * digits (the corpus sentences hold no other digits) or, for an address, no longer contains its
 * local part: the product's rule, "a number keeps its last four digits and nothing else readable".
 */
const concealed = (message: ChatMessage, output: string): boolean => {
  const sample = message.sample!;
  if (sample.type === 'email') {
    const local = sample.value.slice(0, sample.value.lastIndexOf('@'));
    return local.length < 2 || !output.includes(local);
  }
  const digits = (s: string): number => s.replace(/[^0-9]/g, '').length;
  const around = digits(message.text.slice(0, sample.start)) + digits(message.text.slice(sample.end));
  return digits(output) - around <= 4;
};

/** Standard input arrives in 64 KiB chunks; so does this. */
const chunked = (input: string): Buffer[] => {
  const bytes = Buffer.from(input);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) {
    chunks.push(bytes.subarray(at, at + 65_536));
  }
  return chunks;
};

const runCli = async (args: string[], input: string): Promise<number> => {
  const stdout = new PassThrough();
  stdout.resume();
  const chunks = chunked(input);
  const start = performance.now();
  const code = await runMaskCommand({
    args,
    stdin: Readable.from(chunks),
    stdout,
    stderr: new PassThrough().resume(),
  });
  if (code !== 0) {
    throw new Error(`mask command exited with ${code}`);
  }
  return (performance.now() - start) / 1000;
};

/** The CLI in its own process: `node --import tsx` running runMaskCommand on real stdin/stdout. */
const spawnCli = (args: string[], input: string): Promise<number> =>
  new Promise((resolvePromise, reject) => {
    const script = `const { runMaskCommand } = await import(${JSON.stringify(resolve(ROOT, 'apps/server/src/cli/mask-command.ts'))});
process.exitCode = await runMaskCommand({ args: JSON.parse(process.env.MASK_ARGS), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });`;
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, MASK_ARGS: JSON.stringify(args) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        resolvePromise((performance.now() - start) / 1000);
      } else {
        reject(new Error(`mask process exited with ${code}`));
      }
    });
    child.stdin.end(input);
  });

const main = async (): Promise<void> => {
  const chat = buildChatText({ targetBytes: MB * 1_000_000 });
  const messages = chat.messages;
  const textMB = chat.bytes / 1_000_000;
  const libraries = await loadLibraries();
  const loaded = libraries.filter((l): l is Library & { mask: Masker } => l.mask !== undefined);

  // Warm-up (two passes each, so every library runs optimised code), then interleaved rounds.
  for (const library of loaded) {
    timeRound(library.mask, messages);
    timeRound(library.mask, messages);
  }
  const seconds = new Map<string, number[]>(loaded.map((l) => [l.name, []]));
  const detectSeconds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const library of loaded) {
      seconds.get(library.name)!.push(timeRound(library.mask, messages));
    }
    detectSeconds.push(
      timeRound(
        (m) => String(detectSensitiveData({ text: m.text, defaultRegion: m.region }).length),
        messages,
      ),
    );
  }

  const jsonl = `${messages.map((m) => JSON.stringify(m.region === undefined ? { text: m.text } : { text: m.text, region: m.region })).join('\n')}\n`;
  const plain = `${messages.map((m) => m.text).join('\n')}\n`;
  const cliRounds = Math.max(1, Math.min(ROUNDS, 3));
  const cli = {
    jsonl: [] as number[],
    plain: [] as number[],
    spawnedJsonl: [] as number[],
    spawnedPlain: [] as number[],
    startup: [] as number[],
  };
  for (let r = 0; r < cliRounds; r++) {
    cli.jsonl.push(await runCli(['--jsonl'], jsonl));
    cli.plain.push(await runCli([], plain));
    cli.spawnedJsonl.push(await spawnCli(['--jsonl'], jsonl));
    cli.spawnedPlain.push(await spawnCli([], plain));
    cli.startup.push(await spawnCli([], ''));
  }
  const startup = median(cli.startup);

  const throughput = (list: number[]) => ({
    medianMBps: round2(textMB / median(list)),
    bestMBps: round2(textMB / Math.min(...list)),
  });
  const withoutStartup = (list: number[]) => ({
    medianMBps: round2(textMB / (median(list) - startup)),
    bestMBps: round2(textMB / (Math.min(...list) - startup)),
  });

  // Recall and false positives, per library.
  const quality: Record<string, unknown> = {};
  for (const library of loaded) {
    const byType = Object.fromEntries(TYPES.map((t) => [t, { samples: 0, masked: 0 }])) as Record<
      SensitiveType,
      { samples: number; masked: number }
    >;
    let lookAlikes = 0;
    let lookAlikesChanged = 0;
    let plainMessages = 0;
    let plainChanged = 0;
    for (const message of messages) {
      const output = library.mask(message);
      if (message.sample !== undefined) {
        const row = byType[message.sample.type];
        row.samples++;
        if (concealed(message, output)) {
          row.masked++;
        }
      } else if (message.lookAlike !== undefined) {
        lookAlikes++;
        lookAlikesChanged += output === message.text ? 0 : 1;
      } else {
        plainMessages++;
        plainChanged += output === message.text ? 0 : 1;
      }
    }
    quality[library.name] = {
      recall: Object.fromEntries(
        TYPES.map((t) => [t, { ...byType[t], recall: round2((100 * byType[t].masked) / byType[t].samples) }]),
      ),
      lookAlikeMessagesChanged: lookAlikesChanged,
      lookAlikeMessages: lookAlikes,
      plainMessagesChanged: plainChanged,
      plainMessages,
    };
  }

  // Switchboard's own, stricter measure: a finding exactly on the planted value.
  const exact = Object.fromEntries(TYPES.map((t) => [t, { samples: 0, found: 0 }])) as Record<
    SensitiveType,
    { samples: number; found: number }
  >;
  for (const message of messages) {
    const sample = message.sample;
    if (sample !== undefined) {
      exact[sample.type].samples++;
      const findings = detectSensitiveData({ text: message.text, defaultRegion: message.region });
      if (findings.some((f) => f.start === sample.start && f.end === sample.end)) {
        exact[sample.type].found++;
      }
    }
  }

  const rates = Object.fromEntries(loaded.map((l) => [l.name, throughput(seconds.get(l.name)!)])) as Record<
    string,
    { medianMBps: number; bestMBps: number }
  >;
  const ours = rates.switchboard!.medianMBps;
  const others = loaded.filter((l) => l.name !== 'switchboard').map((l) => rates[l.name]!.medianMBps);
  const fastestOther = others.length > 0 ? Math.max(...others) : Number.NaN;
  const fastestName = loaded.find(
    (l) => l.name !== 'switchboard' && rates[l.name]!.medianMBps === fastestOther,
  )?.name;
  // The same ratio round by round: each of our rounds against the other library's round of the
  // same iteration, so load that comes and goes on the machine weighs on both sides alike.
  const perRound =
    fastestName === undefined
      ? []
      : seconds.get(fastestName)!.map((theirs, r) => theirs / seconds.get('switchboard')![r]!);
  const ourQuality = quality.switchboard as {
    recall: Record<SensitiveType, { recall: number }>;
    lookAlikeMessagesChanged: number;
  };

  const report = {
    benchmark: 'masking',
    node: process.version,
    cpus: cpus().length,
    text: {
      megabytes: round2(textMB),
      messages: messages.length,
      composition: chat.composition,
      note: 'one message per line; 85% plain chat (some with quantities, times, prices, short order numbers), 5% with one sensitive value, 10% look-alikes; six languages',
    },
    rounds: ROUNDS,
    throughput: {
      'switchboard.maskSensitiveData': rates.switchboard,
      'switchboard.detectSensitiveData': throughput(detectSeconds),
      ...Object.fromEntries(
        loaded.filter((l) => l.name !== 'switchboard').map((l) => [l.name, rates[l.name]]),
      ),
      'cli.runMaskCommand --jsonl (in process, streams)': throughput(cli.jsonl),
      'cli.runMaskCommand plain (in process, streams)': throughput(cli.plain),
      'cli.spawned --jsonl (node --import tsx, stdin to stdout, startup included)': throughput(
        cli.spawnedJsonl,
      ),
      'cli.spawned plain (node --import tsx, stdin to stdout, startup included)': throughput(
        cli.spawnedPlain,
      ),
      'cli.spawned --jsonl, startup subtracted': withoutStartup(cli.spawnedJsonl),
      'cli.spawned plain, startup subtracted': withoutStartup(cli.spawnedPlain),
    },
    cliStartupSeconds: round2(startup),
    libraries: libraries.map(({ name, note, error }) => ({ name, note, loaded: error === undefined, error })),
    quality,
    switchboardExactFindings: Object.fromEntries(
      TYPES.map((t) => [t, { ...exact[t], recall: round2((100 * exact[t].found) / exact[t].samples) }]),
    ),
    targets: {
      recallAtLeast99_5EveryType: TYPES.every((t) => ourQuality.recall[t].recall >= 99.5),
      noLookAlikeChanged: ourQuality.lookAlikeMessagesChanged === 0,
      fasterPackage: fastestName,
      speedupOverFasterPackage: round2(ours / fastestOther),
      speedupOverFasterPackageMedianOfRounds: round2(median(perRound)),
      speedupOverFasterPackageEachRound: perRound.map(round2),
      atLeast3xFasterPackage: ours >= 3 * fastestOther,
    },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
};

await main();
