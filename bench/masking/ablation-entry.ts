/**
 * The timed loop of ablation.ts, bundled by it (with some of the masker's functions replaced):
 * every short line masked once per pass, the phone verdicts forgotten before each pass, as in
 * run.ts. Prints {ours, redactpii} in µs of process CPU time per line.
 */
import { Redactor } from '@redactpii/node';
import { maskSensitiveData } from '../../packages/core/src/masking/index';
import { forgetPhoneVerdicts } from '../../packages/core/src/masking/phone';
import { buildShortLines } from './short-lines';

const { messages } = buildShortLines();
const PASSES = Number(process.env.ABLATION_PASSES ?? 600);
const redactor = new Redactor();

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

const time = (pass: () => number): number => {
  let sink = 0;
  for (let i = 0; i < PASSES / 2; i++) {
    sink += pass(); // warm-up: the optimising compiler's code, not the interpreter's, is timed
  }
  const start = cpuMicros();
  for (let i = 0; i < PASSES; i++) {
    sink += pass();
  }
  const elapsed = cpuMicros() - start;
  if (sink < 0) {
    throw new Error('unreachable');
  }
  return elapsed / (PASSES * messages.length);
};

const ours = time(() => {
  forgetPhoneVerdicts();
  let n = 0;
  for (const m of messages) {
    n += maskSensitiveData({ text: m.text, defaultRegion: m.region }).text.length;
  }
  return n;
});
const theirs =
  process.env.ABLATION_THEIRS === '1'
    ? time(() => {
        let n = 0;
        for (const m of messages) {
          n += redactor.redact(m.text).length;
        }
        return n;
      })
    : null;
console.log(JSON.stringify({ ours, redactpii: theirs }));
