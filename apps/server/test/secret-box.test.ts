import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, loadOrCreateKeyFile } from '../src/app/secret-box';

const moduleUrl = new URL('../src/app/secret-box.ts', import.meta.url).href;

/** A process of its own that makes or reads the key of `dir`, as a server's first start does. */
const keyFromProcess = (dir: string) =>
  new Promise<string>((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { loadOrCreateKeyFile } = await import(${JSON.stringify(moduleUrl)});
         process.stdout.write((await loadOrCreateKeyFile(${JSON.stringify(dir)})).toString('hex'));`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('exit', (code) => (code === 0 ? done(out) : fail(new Error(`exit ${code}: ${err}`))));
  });

describe('the data directory’s secrets key', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const freshDir = () => {
    const root = mkdtempSync(join(tmpdir(), 'switchboard-key-'));
    dirs.push(root);
    return join(root, 'data');
  };

  it('is one whole key when processes start at once on one data directory', async () => {
    for (let round = 0; round < 2; round += 1) {
      const dir = freshDir();
      const keys = await Promise.all(Array.from({ length: 4 }, () => keyFromProcess(dir)));
      expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
      expect(new Set(keys).size).toBe(1);
      expect(readdirSync(dir)).toEqual(['secrets.key']);
    }
  }, 60_000);

  it('is one key when calls in one process make it at once, readable by its owner only, kept for the next start', async () => {
    const dir = freshDir();
    const keys = await Promise.all(Array.from({ length: 40 }, () => loadOrCreateKeyFile(dir)));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    expect(keys[0]).toHaveLength(32);
    expect(readdirSync(dir)).toEqual(['secrets.key']);
    expect(statSync(join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateKeyFile(dir);
    expect(again.equals(keys[0]!)).toBe(true);
    expect(createSecretBox(again).open(createSecretBox(keys[0]!).seal('page token'))).toBe('page token');
  });
});
