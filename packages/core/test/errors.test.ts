import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CATALOGUE } from '../src/errors';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('the error catalogue', () => {
  it.each(Object.entries(ERROR_CATALOGUE))(
    'documents %s with its status in docs/errors.md',
    (code, { status }) => {
      expect(doc).toMatch(new RegExp(`\\| \`${code}\` \\| ${status} \\|`));
    },
  );

  it('lists no code in the docs that the catalogue lacks', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(ERROR_CATALOGUE).sort());
  });

  it('gives every error a client status and a message', () => {
    const err = new AppError('CUSTOMER_LEFT');
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/left/);
    expect(new AppError('NOT_FOUND', 'No such thing').message).toBe('No such thing');
  });
});
