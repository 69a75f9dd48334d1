import { maskSensitiveData } from '@switchboard/core';
import pino from 'pino';

/**
 * What an operator reads in the logs is masked like what an agent reads on the desktop. Errors are
 * where customer data leaks into logs: a failed query carries its parameters (message bodies,
 * names, e-mail addresses), and a database error's detail quotes the row's values. Those are
 * dropped; what is left of every message and stack is masked by core's detector.
 */
const PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/g;
// PostgreSQL's detail quotes values: `Key (email)=(x@y.z) already exists.`
const QUOTED_VALUES = /=\((.*?)\)(?= |\.|$)/g;

const clean = (text: string) =>
  maskSensitiveData({
    text: text.replace(PARAMS, '\nparams: [redacted]').replace(QUOTED_VALUES, '=([redacted])'),
  }).text;

const DROPPED = new Set(['params', 'parameters', 'values', 'body']);

const redact = (value: unknown, depth: number): unknown => {
  if (typeof value === 'string') {
    return clean(value);
  }
  if (value === null || typeof value !== 'object' || depth > 4) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1));
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      DROPPED.has(key) ? '[redacted]' : redact(item, depth + 1),
    ]),
  );
};

/** pino's error serializer, then the redaction above. */
export const redactedErrorSerializer = (err: Error): unknown => redact(pino.stdSerializers.err(err), 0);

export const logSerializers = { err: redactedErrorSerializer };
