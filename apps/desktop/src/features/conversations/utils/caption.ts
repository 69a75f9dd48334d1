import type { TMessage } from '@switchboard/contracts';

/** The label the server puts before a file's caption (`[image]`, `[document]`, `[media × 2]`). */
const FILE_LABEL = /^\[[^\]\n]{1,40}\]\s?/;

/**
 * What the bubble of a message with files says: the customer's caption only, since the files
 * show themselves below it (the stored body keeps its `[image] caption` label for transcripts,
 * previews and the offer popover). Null when there is no caption (or only the file's own name);
 * the body as it is otherwise.
 */
export const captionOf = (message: Pick<TMessage, 'body' | 'attachments'>): string | null => {
  if (!message.attachments?.length) {
    return message.body;
  }
  const caption = message.body.replace(FILE_LABEL, '');
  // A file sent without words is labelled with its own name, which the file line shows already.
  return caption.trim() && !message.attachments.some((a) => a.name === caption.trim()) ? caption : null;
};
