/**
 * Short messages beside the work: an offer that timed out, a failed action. The text is chosen
 * when shown, so a language switch also changes notices already on screen.
 */
export type Notice = {
  id: string;
  tone: 'info' | 'error';
  /** A translation key with its values, or an error to describe. */
  key?: string;
  values?: Record<string, string>;
  error?: unknown;
};

export type NoticesEvent = { type: 'shown'; notice: Notice } | { type: 'dismissed'; id: string };

const MAX_NOTICES = 4;

export const noticesReducer = (state: readonly Notice[], event: NoticesEvent): readonly Notice[] => {
  switch (event.type) {
    case 'shown':
      return [...state, event.notice].slice(-MAX_NOTICES);
    case 'dismissed':
      return state.filter((n) => n.id !== event.id);
  }
};
