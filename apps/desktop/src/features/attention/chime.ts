/**
 * A short two-tone alert through the Web Audio API: no sound file to ship or fetch. Browsers let a
 * page play sound after the user has interacted with it (the log-in does); where they do not, or
 * there is no audio, it stays silent rather than fail.
 */
let context: AudioContext | undefined;

export const chime = (): void => {
  try {
    context ??= new AudioContext();
    const now = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 1175],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, now + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.16);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(now + offset);
      oscillator.stop(now + offset + 0.17);
    }
  } catch {
    // No audio on this machine, or not allowed yet: the title and the popover still say it.
  }
};
