import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGUE, type ErrorCode } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { LOCALES } from './locales';
import { en } from './locales/en';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, value]. */
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );

const variablesOf = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const english = new Map(leaves(en));

describe('translations', () => {
  it('cover the six languages of the desk', () => {
    expect(Object.keys(LOCALES).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  for (const { code } of LANGUAGES) {
    describe(code, () => {
      const messages = new Map(leaves(LOCALES[code] as Tree));

      it('has exactly the keys of English', () => {
        expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it('has no empty value', () => {
        const empty = [...messages].filter(([, value]) => value.trim() === '').map(([key]) => key);
        expect(empty).toEqual([]);
      });

      it('uses the same {{variables}} as English', () => {
        for (const [key, value] of messages) {
          expect({ key, variables: variablesOf(value) }).toEqual({
            key,
            variables: variablesOf(english.get(key) ?? ''),
          });
        }
      });
    });
  }

  it('English error texts repeat the server catalogue word for word', () => {
    for (const [key, value] of Object.entries(en.errors)) {
      if (key in ERROR_CATALOGUE) {
        expect({ key, value }).toEqual({ key, value: ERROR_CATALOGUE[key as ErrorCode].message });
      }
    }
  });

  it('has a key for every literal t("…") in the desktop source', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f),
    );
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        const key = match[1] ?? '';
        if (!english.has(key)) {
          missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
