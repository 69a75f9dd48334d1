import { StringDecoder } from 'node:string_decoder';
import { isRegionCode, maskSensitiveData } from '../../../../packages/core/src/masking/index';

/**
 * `switchboard mask`: the server's masker on the command line, for exports, logs and tests.
 *
 *   switchboard mask [--region SE] < in.txt > out.txt
 *   switchboard mask --jsonl < in.jsonl > out.jsonl
 *
 * Plain mode masks every line of standard input and keeps everything else byte for byte (line
 * ends, a missing final newline). JSON Lines mode reads `{"text": "...", "region": "SE"}` per line
 * (`region` optional) and writes `{"text": "<masked>", "findings": [{"type", "start", "end"}]}`;
 * offsets are UTF-16 code units, as in JavaScript. A region is any ISO 3166-1 alpha-2 code
 * (regions.ts); where libphonenumber has no numbering plan (`TF`), numbers are read in
 * international form only.
 *
 * Output line N is always input line N, as a line-oriented filter must keep them: a blank line
 * stays blank, and a bad line (not JSON, not that shape, an unknown region) gives the error record
 * `{"error": "...", "line": N}` in its place, a message with its number on standard error, and
 * exit code 1 at the end; the other lines are still masked. One broken record in an export of a
 * million messages should not leave the rest unmasked, nor shift them against their source.
 * Usage errors exit with 2.
 *
 * Input is read as a stream and written with back-pressure, so any size of input runs in
 * constant memory (one chunk and one line at a time).
 */

export const MASK_USAGE = `Usage: switchboard mask [--jsonl] [--region <CC>]

Masks phone numbers, e-mail addresses, payment cards, IBANs and national
identity numbers in standard input, line by line, and writes the result to
standard output.

Options:
  --jsonl          read one JSON object per line, {"text": "...", "region": "SE"}
                   ("region" optional), and write {"text": "<masked>",
                   "findings": [{"type", "start", "end"}]} per line
  --region <CC>    region (any ISO 3166-1 alpha-2 code) for numbers written in
                   national form; in --jsonl mode, the default for lines without
                   "region". Regions without a numbering plan (e.g. TF) read
                   numbers in international form only
  -h, --help       show this help

Output line N is input line N. In --jsonl mode a blank line stays blank and a
bad line is replaced by {"error": "...", "line": N}, also reported on standard
error.

Exit status: 0 done, 1 some input lines were bad (each replaced by an error
record), 2 wrong usage.
`;

interface Options {
  readonly jsonl: boolean;
  readonly region: string | undefined;
}

type ParsedArgs = { readonly options: Options } | { readonly help: true } | { readonly error: string };

const parseArgs = (args: readonly string[]): ParsedArgs => {
  let jsonl = false;
  let region: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    if (arg === '-h' || arg === '--help') {
      return { help: true };
    }
    if (arg === '--jsonl') {
      jsonl = true;
    } else if (arg === '--region' || arg.startsWith('--region=')) {
      const value = arg === '--region' ? args[++k] : arg.slice('--region='.length);
      if (value === undefined || !isRegionCode(value)) {
        return { error: `--region needs an ISO 3166-1 alpha-2 region code, got ${value ?? 'nothing'}` };
      }
      region = value.toUpperCase();
    } else {
      return { error: `unknown option ${arg}` };
    }
  }
  return { options: { jsonl, region } };
};

type LineResult = { readonly output: string } | { readonly error: string };

const maskPlainLine = (line: string, region: string | undefined): LineResult => ({
  output: maskSensitiveData({ text: line, defaultRegion: region }).text,
});

const kindOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'an object'
        : typeof value;

const maskJsonLine = (line: string, defaultRegion: string | undefined): LineResult => {
  if (line.trim() === '') {
    return { output: '' };
  }
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { error: `expected an object {"text": string, "region"?: string}, got ${kindOf(record)}` };
  }
  const { text, region, ...rest } = record as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) {
    return { error: `unknown field ${JSON.stringify(extra[0])}; allowed: "text", "region"` };
  }
  if (typeof text !== 'string') {
    return { error: `"text" must be a string, got ${text === undefined ? 'nothing' : kindOf(text)}` };
  }
  if (region !== undefined && (typeof region !== 'string' || !isRegionCode(region))) {
    return {
      error: `"region" must be an ISO 3166-1 alpha-2 region code, got ${JSON.stringify(region)}`,
    };
  }
  const masked = maskSensitiveData({ text, defaultRegion: region ?? defaultRegion });
  // The same as JSON.stringify({ text, findings: [{ type, start, end }] }); types and offsets need no escaping.
  let findings = '';
  for (const { type, start, end } of masked.findings) {
    findings += `${findings === '' ? '' : ','}{"type":"${type}","start":${start},"end":${end}}`;
  }
  return { output: `{"text":${JSON.stringify(masked.text)},"findings":[${findings}]}` };
};

const write = async (stream: NodeJS.WritableStream, data: string): Promise<void> => {
  if (data !== '' && !stream.write(data)) {
    await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
};

export const runMaskCommand = async ({
  args,
  stdin,
  stdout,
  stderr,
}: {
  args: string[];
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}): Promise<number> => {
  const parsed = parseArgs(args);
  if ('help' in parsed) {
    await write(stdout, MASK_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    await write(stderr, `switchboard mask: ${parsed.error}\n\n${MASK_USAGE}`);
    return 2;
  }
  const { jsonl, region } = parsed.options;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNumber = 0;
  let bad = 0;

  /** Masks the complete lines of `chunk` (each with its `\n`); keeps the unfinished tail. */
  const takeLines = (chunk: string, final: boolean): { out: string; errors: string } => {
    let out = '';
    let errors = '';
    let from = 0;
    const data = pending + chunk;
    for (;;) {
      const newline = data.indexOf('\n', from);
      if (newline < 0 && !(final && from < data.length)) {
        break;
      }
      const end = newline < 0 ? data.length : newline;
      // A line ending in \r\n keeps its \r outside the masked text.
      const contentEnd = end > from && data.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const line = data.slice(from, contentEnd);
      const lineEnd = data.slice(contentEnd, newline < 0 ? end : end + 1);
      lineNumber++;
      if (jsonl) {
        const result = maskJsonLine(line, region);
        if ('error' in result) {
          bad++;
          errors += `switchboard mask: line ${lineNumber}: ${result.error}\n`;
          out += `{"error":${JSON.stringify(result.error)},"line":${lineNumber}}\n`;
        } else {
          out += `${result.output}\n`;
        }
      } else {
        const result = maskPlainLine(line, region);
        out += ('output' in result ? result.output : '') + lineEnd;
      }
      from = newline < 0 ? data.length : newline + 1;
    }
    pending = data.slice(from);
    return { out, errors };
  };

  for await (const chunk of stdin) {
    const { out, errors } = takeLines(
      typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer),
      false,
    );
    await write(stderr, errors);
    await write(stdout, out);
  }
  const { out, errors } = takeLines(decoder.end(), true);
  await write(stderr, errors);
  await write(stdout, out);
  return bad > 0 ? 1 : 0;
};
