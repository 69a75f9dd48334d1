/**
 * What bench/load's scripts share: a free port, a server process started as `npm start` runs it
 * (its entry point), and the CPU time processes have used, from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

export const freePort = () =>
  new Promise<number>((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });

/**
 * A server process on `env`, once it says it is running. BENCH_SERVER_NODE_ARGS: Node's flags for
 * it, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export const startServer = async (env: Record<string, string>): Promise<ChildProcess> => {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'error', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      if (out.includes('Switchboard is running')) {
        done();
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
};

/**
 * CPU time the processes have used so far (all their threads, from /proc): it moves less than
 * throughput when other work shares the machine.
 */
export const cpuMsOf = (pids: readonly (number | undefined)[]) =>
  pids.reduce<number>((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return sum; // a process that has ended since it was listed
    }
  }, 0);

/** What the flooder counted: events sent, times it was disconnected, handshakes refused. */
export interface FloodCounts {
  sent: number;
  disconnects: number;
  refusedHandshakes: number;
}

/**
 * The flooder (flooder.ts) in a process of its own, as an attacker's, flooding the conversation
 * of `token` on the server at `base` once this resolves; `stop` ends it and gives its counts.
 */
export const startFlooder = async ({
  base,
  token,
  conversationId,
}: {
  base: string;
  token: string;
  conversationId: string;
}) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/flooder.ts'], {
    cwd: root,
    env: { ...process.env, FLOOD_URL: base, FLOOD_TOKEN: token, FLOOD_CONVERSATION: conversationId },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  await new Promise<void>((done) => {
    const check = () => (output.includes('flooding') ? done() : setTimeout(check, 20));
    check();
  });
  return {
    child,
    stop: async (): Promise<FloodCounts> => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as FloodCounts;
    },
  };
};
