import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors';
import { fillQuickResponse, quickResponseVariables, validateQuickResponseText } from '../src/quick-responses';

const codeOf = (text: string): string | null => {
  try {
    validateQuickResponseText(text);
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'THROWN';
  }
};

describe('quick responses', () => {
  it('lists each variable once, in the order of first use', () => {
    expect(
      quickResponseVariables(
        'Hi {{customer_name}}, order {{order_number}} for {{customer_name}} ({{agent_name}})',
      ),
    ).toEqual(['customer_name', 'order_number', 'agent_name']);
    expect(quickResponseVariables('No variables {here} or {{ here }}')).toEqual([]);
  });

  it('fills the variables given and leaves the others as written, for the agent to see', () => {
    expect(
      fillQuickResponse('Hello {{customer_name}}, I am {{agent_name}}. Order {{order_number}}?', {
        customer_name: 'Maria',
        agent_name: 'Alice Agent',
      }),
    ).toBe('Hello Maria, I am Alice Agent. Order {{order_number}}?');
  });

  it('inserts a value as it is, even one that looks like a replacement pattern or a variable', () => {
    expect(fillQuickResponse('Total: {{amount}}', { amount: "$& $' $1 {{amount}}" })).toBe(
      "Total: $& $' $1 {{amount}}",
    );
    expect(fillQuickResponse('{{toString}} {{constructor}}', {})).toBe('{{toString}} {{constructor}}');
  });

  it('accepts what an administrator writes, and refuses what an agent could not send or read', () => {
    expect(codeOf('Hello {{customer_name}}, how can I help?')).toBeNull();
    expect(codeOf('Braces { alone } are text')).toBeNull();
    expect(codeOf(' ')).toBe('QUICK_RESPONSE_INVALID');
    expect(codeOf('é'.repeat(1000))).toBeNull();
    expect(codeOf('é'.repeat(1001))).toBe('QUICK_RESPONSE_INVALID');
    expect(codeOf('<b>bold</b>')).toBe('MESSAGE_RESERVED_CHARACTERS');
    expect(codeOf('{{Name}}')).toBe('QUICK_RESPONSE_INVALID');
    expect(codeOf('{{name}')).toBe('QUICK_RESPONSE_INVALID');
    expect(codeOf('name}}')).toBe('QUICK_RESPONSE_INVALID');
    expect(codeOf(`{{${'a'.repeat(41)}}}`)).toBe('QUICK_RESPONSE_INVALID');
    expect(codeOf(Array.from({ length: 20 }, (_, k) => `{{v${k}}}`).join(' '))).toBeNull();
    expect(codeOf(Array.from({ length: 21 }, (_, k) => `{{v${k}}}`).join(' '))).toBe(
      'QUICK_RESPONSE_INVALID',
    );
  });

  it('once every variable of a valid text is filled, no variable syntax is left (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
    const plain = fc.string({ maxLength: 20 }).filter((s) => !/[{}<>]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(plain, name), { maxLength: 8 }),
        plain,
        fc.string({ maxLength: 10 }),
        (parts, tail, value) => {
          const text = parts.map(([p, n]) => `${p}{{${n}}}`).join('') + tail;
          fc.pre(text.trim().length > 0);
          expect(codeOf(text)).toBeNull();
          const values = Object.fromEntries(
            quickResponseVariables(text).map((n) => [n, value.replace(/[{}]/g, '')]),
          );
          expect(fillQuickResponse(text, values)).not.toMatch(/\{\{|\}\}/);
        },
      ),
    );
  });
});
