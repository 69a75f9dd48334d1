import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

/** A port nothing listens on now. */
export const freePort = () =>
  new Promise<number>((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });

/**
 * The real entry point, as `npm start` runs it after its build, in a process of its own:
 * `ready` once it says it runs (or rejects with its output when it exits first), `exited` with
 * its exit code, `logged(text)` once its output holds `text`.
 */
export const startMain = (env: Record<string, string>) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d;
    for (const listener of [...listeners]) {
      listener();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const logged = (text: string) =>
    new Promise<void>((done) => {
      const check = () => {
        if (output.includes(text)) {
          listeners.delete(check);
          done();
        }
      };
      listeners.add(check);
      check();
    });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no start within 60 s:\n${output}`)), 60_000);
    void logged('Switchboard is running').then(() => {
      clearTimeout(timer);
      done();
    });
    void exited.then((code) => fail(new Error(`exited with ${code}:\n${output}`)));
  });
  // A test that expects no start only awaits `exited`.
  ready.catch(() => {});
  return { child, ready, exited, logged, output: () => output };
};
