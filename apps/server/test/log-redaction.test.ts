import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { logSerializers } from '../src/app/log-redaction';

/** What the server logs of a failed query holds no customer data. */
const logged = (log: (logger: pino.Logger) => void) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  log(pino({ serializers: logSerializers }, sink));
  return lines.join('');
};

describe('error logs', () => {
  it('drop a failed query’s parameters and mask what is left', () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_unique"'),
      {
        detail: 'Key (email)=(melissa.jones@gmail.com) already exists.',
      },
    );
    const err = new DrizzleQueryError(
      'insert into "messages" ("body", "author_name") values ($1, $2)',
      ['My card is 4111 1111 1111 1111', 'Melissa Jones'],
      cause,
    );
    const line = logged((logger) => logger.error({ err }, 'unhandled error'));
    expect(line).toContain('Failed query: insert into');
    expect(line).toContain('unique constraint');
    for (const secret of ['4111 1111 1111 1111', '4111', 'Melissa Jones', 'melissa.jones@gmail.com']) {
      expect(line).not.toContain(secret);
    }
  });

  it('mask sensitive values in any error message', () => {
    const line = logged((logger) =>
      logger.warn({ err: new Error('could not send to +447966197542') }, 'send failed'),
    );
    expect(line).not.toContain('+447966197542');
    expect(line).toContain('7542');
  });
});
