#!/usr/bin/env node
// The `switchboard` command. `mask` runs from the JavaScript that `npm run build` writes to
// dist/cli (build-cli.mjs), so a filter over exported transcripts starts in about a tenth of a
// second; without a build, and for the other commands, it runs from the TypeScript sources
// through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
const built = fileURLToPath(new URL('../dist/cli/apps/server/src/cli/mask-command.js', import.meta.url));

if (args[0] === 'mask' && existsSync(built)) {
  const { runMaskCommand } = await import(pathToFileURL(built).href);
  process.exitCode = await runMaskCommand({ args: args.slice(1), ...io });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../src/cli/main.ts');
  process.exitCode = await runCli({ args, ...io });
}
