import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ISO_REGION_CODES } from '../../../packages/core/src/masking/index';
import { runMaskCommand } from '../src/cli/mask-command';

const collect = (stream: PassThrough): (() => string) => {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
};

const run = async (args: string[], input: string | Buffer[]) => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const stdin = Readable.from(typeof input === 'string' ? [Buffer.from(input)] : input);
  const code = await runMaskCommand({ args, stdin, stdout, stderr });
  return { code, stdout: out(), stderr: err() };
};

describe('switchboard mask', () => {
  it('masks standard input to standard output, line by line, and keeps the rest byte for byte', async () => {
    const result = await run([], 'Ring +447966197542\r\nmail melissa@gmail.com\n\nno newline at the end');
    expect(result).toEqual({
      code: 0,
      stdout: 'Ring *********7542\r\nmail m******@gmail.com\n\nno newline at the end',
      stderr: '',
    });
  });

  it('reads national numbers with --region', async () => {
    expect((await run(['--region', 'SE'], 'ring 070-123 45 67\n')).stdout).toBe('ring ********45 67\n');
    expect((await run(['--region=se'], 'ring 070-123 45 67\n')).stdout).toBe('ring ********45 67\n');
    expect((await run([], 'ring 070-123 45 67\n')).stdout).toBe('ring 070-123 45 67\n');
  });

  it('handles characters split across chunks', async () => {
    const bytes = Buffer.from('jörg.müller@müller.de ok\n');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect((await run([], chunks)).stdout).toBe('j**********@müller.de ok\n');
  });

  it('reads and writes JSON Lines with findings', async () => {
    const input = `${JSON.stringify({ text: 'Ring 070-123 45 67', region: 'SE' })}\n${JSON.stringify({ text: '+1 (123) 456 7890' })}\n`;
    const result = await run(['--jsonl'], input);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { text: 'Ring ********45 67', findings: [{ type: 'phone', start: 5, end: 18 }] },
      { text: '*************7890', findings: [{ type: 'phone', start: 0, end: 17 }] },
    ]);
  });

  it('keeps output line N on input line N: an error record for a bad line, a blank line for a blank one; exits with 1', async () => {
    const input = [
      JSON.stringify({ text: 'melissa@gmail.com' }),
      'not json',
      JSON.stringify({ text: 42 }),
      '',
      JSON.stringify(['text']),
      JSON.stringify({ text: 'x', region: 'Narnia' }),
      JSON.stringify({ text: 'x', id: 1 }),
      JSON.stringify({ text: '+447966197542' }),
    ].join('\n');
    const result = await run(['--jsonl'], input);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(9); // eight records, each ended by a newline
    const records = lines.slice(0, 8).map((l) => (l === '' ? null : JSON.parse(l)));
    expect(records.map((r) => r?.text ?? r?.line ?? r)).toEqual([
      'm******@gmail.com',
      2,
      3,
      null,
      5,
      6,
      7,
      '*********7542',
    ]);
    expect(records[1].error).toContain('not JSON');
    expect(records[2].error).toContain('"text" must be a string');
    const errors = result.stderr.trim().split('\n');
    expect(errors.map((e) => e.match(/line (\d+)/)?.[1])).toEqual(['2', '3', '5', '6', '7']);
    expect(errors[0]).toContain('not JSON');
  });

  it('accepts every ISO 3166-1 alpha-2 region, reading numbers internationally where there is no plan', async () => {
    for (const region of ISO_REGION_CODES) {
      const result = await run(['--region', region.toLowerCase()], 'ring +447966197542\n');
      expect([region, result.code, result.stdout]).toEqual([region, 0, 'ring *********7542\n']);
    }
    const jsonl = await run(
      ['--jsonl'],
      `${JSON.stringify({ text: 'tel +262 262 16 12 34', region: 'TF' })}\n`,
    );
    expect(jsonl.code).toBe(0);
    expect(JSON.parse(jsonl.stdout).text).toBe('tel ************12 34');
  });

  it('prints usage on --help, and exits with 2 on an unknown option or region', async () => {
    const help = await run(['--help'], '');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: switchboard mask');
    const unknown = await run(['--json'], '');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --json');
    expect((await run(['--region', 'XX'], '')).code).toBe(2);
    expect((await run(['--region'], '')).code).toBe(2);
  });

  it('streams a large input with back-pressure, one line out per line in', async () => {
    const lines = 50_000;
    async function* input() {
      for (let k = 0; k < lines; k += 1000) {
        yield Buffer.from(`call +447966197542 about order ${k}\n`.repeat(1000));
      }
    }
    const stdout = new PassThrough({ highWaterMark: 1024 });
    let count = 0;
    let sample = '';
    stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      count += text.split('\n').length - 1;
      sample ||= text.slice(0, 40);
    });
    const code = await runMaskCommand({
      args: [],
      stdin: Readable.from(input()),
      stdout,
      stderr: new PassThrough(),
    });
    expect(code).toBe(0);
    expect(count).toBe(lines);
    expect(sample).toBe('call *********7542 about order 0\ncall **');
  });
});
