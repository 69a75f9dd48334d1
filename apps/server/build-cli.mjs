// Builds `switchboard mask` to JavaScript (run by `npm run build`), so the command starts without
// compiling TypeScript at every start. The sources import each other without file extensions, as
// the bundler and tsx resolve them; Node's ES module loader wants the file, so the relative
// specifiers of the emitted files are completed here.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist/cli');
rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.cli.json')], { stdio: 'inherit' });

const complete = (file, specifier) => {
  if (/\.[cm]?js$/.test(specifier)) {
    return specifier;
  }
  const base = join(dirname(file), specifier);
  if (existsSync(`${base}.js`)) {
    return `${specifier}.js`;
  }
  if (existsSync(join(base, 'index.js'))) {
    return `${specifier}/index.js`;
  }
  throw new Error(`${file}: cannot resolve ${specifier}`);
};

for (const entry of readdirSync(out, { recursive: true })) {
  const file = join(out, entry);
  if (!file.endsWith('.js')) {
    continue;
  }
  const source = readFileSync(file, 'utf8');
  const fixed = source.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g,
    (_all, lead, quote, specifier) => `${lead}${quote}${complete(file, specifier)}${quote}`,
  );
  if (fixed !== source) {
    writeFileSync(file, fixed);
  }
}
