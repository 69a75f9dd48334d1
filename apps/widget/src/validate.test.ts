import { ZStartChatRequestSchema } from '@switchboard/contracts';
import { COMPOSE_LIMITS } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { composeState, EMAIL_PATTERN, validateStartForm } from './validate';

describe('validateStartForm', () => {
  it('accepts a name and no e-mail', () => {
    expect(validateStartForm({ name: '  Eva Lind ', email: '  ' })).toEqual({
      errors: {},
      value: { name: 'Eva Lind' },
    });
  });

  it('trims and lower-cases the e-mail as the server does', () => {
    expect(validateStartForm({ name: 'Eva', email: ' Eva.Lind@Example.COM ' }).value).toEqual({
      name: 'Eva',
      email: 'eva.lind@example.com',
    });
  });

  it('requires a name of 1 to 100 characters', () => {
    expect(validateStartForm({ name: '   ', email: '' }).errors.name).toBe('nameRequired');
    expect(validateStartForm({ name: 'x'.repeat(100), email: '' }).errors.name).toBeUndefined();
    expect(validateStartForm({ name: 'x'.repeat(101), email: '' }).errors.name).toBe('nameTooLong');
  });

  it('rejects e-mail addresses the server rejects', () => {
    for (const email of [
      'eva',
      'eva@',
      '@example.com',
      'eva@example',
      'eva@@example.com',
      'eva lind@example.com',
    ]) {
      expect(validateStartForm({ name: 'Eva', email }).errors.email, email).toBe('emailInvalid');
    }
    const long = `${'a'.repeat(64)}@${'b'.repeat(185)}.com`;
    expect(long.length).toBe(254);
    expect(validateStartForm({ name: 'Eva', email: long }).errors.email).toBeUndefined();
    expect(validateStartForm({ name: 'Eva', email: `a${long}` }).errors.email).toBe('emailInvalid');
  });

  it('accepts common e-mail addresses', () => {
    for (const email of [
      'eva@example.com',
      "o'neil+chat@mail.example.co.uk",
      'first.last@sub-domain.example.se',
    ]) {
      expect(EMAIL_PATTERN.test(email), email).toBe(true);
    }
  });
});

describe('validateStartForm and the server schema', () => {
  const names = [
    'Eva',
    '  Eva  ',
    '',
    ' ',
    'x'.repeat(100),
    ` ${'x'.repeat(100)} `,
    'x'.repeat(101),
    'Åsa Öberg 😀',
    '😀'.repeat(100),
    '😀'.repeat(101),
  ];
  const emails = [
    '',
    'eva@example.com',
    ' EVA@EXAMPLE.COM ',
    'eva',
    'eva@example',
    'eva..lind@example.com',
    '.eva@example.com',
    'eva.@example.com',
    'eva@-example.com',
    'eva@example.c',
    'éva@example.com',
    `${'a'.repeat(64)}@${'b'.repeat(185)}.com`,
    `${'a'.repeat(65)}@${'b'.repeat(185)}.com`,
  ];

  it.each(names.flatMap((name) => emails.map((email) => [name, email] as const)))(
    'agrees with ZStartChatRequestSchema on %j / %j',
    (name, email) => {
      const { errors, value } = validateStartForm({ name, email });
      const clientOk = !errors.name && !errors.email;
      const server = ZStartChatRequestSchema.safeParse({ entryPoint: 'website', ...value });
      const serverOnRaw = ZStartChatRequestSchema.safeParse({
        entryPoint: 'website',
        name,
        ...(email.trim() ? { email } : {}),
      });
      expect(clientOk).toBe(serverOnRaw.success);
      if (clientOk) {
        expect(server.success).toBe(true);
        expect(server.data).toEqual({ entryPoint: 'website', ...value });
      }
    },
  );
});

describe('composeState', () => {
  const limit = COMPOSE_LIMITS.livechat;

  it('counts characters as the server does (an emoji once)', () => {
    expect(composeState('hej 👋', limit).count).toBe(5);
  });

  it('allows sending text within the limit only', () => {
    expect(composeState('', limit)).toEqual({ count: 0, over: false, canSend: false });
    expect(composeState(' \n ', limit).canSend).toBe(false);
    expect(composeState('x'.repeat(limit), limit)).toEqual({ count: limit, over: false, canSend: true });
    expect(composeState('x'.repeat(limit + 1), limit)).toEqual({
      count: limit + 1,
      over: true,
      canSend: false,
    });
  });
});
