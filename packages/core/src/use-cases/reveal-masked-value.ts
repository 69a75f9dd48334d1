import type { TRole } from '@switchboard/contracts';
import { AppError } from '../errors';
import type { SensitiveType } from '../masking/index';
import { detectSensitiveData } from '../masking/index';
import { authorizeRole } from './authorize-role';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * A supervisor sees one masked value in clear, giving a reason (product.md: *beyond*, "may unmask
 * a masked value with a reason, which is audited"). The span is found again on the stored
 * original with the same detector that masked it, so indexes agree with what the desktop got.
 */
export const revealMaskedValue = async ({
  tx,
  now,
  actorId,
  actorRole,
  messageId,
  spanIndex,
  reason,
  region,
}: UseCaseContext & {
  actorId: string;
  actorRole: TRole;
  messageId: string;
  spanIndex: number;
  reason: string;
  region: string | null;
}): Promise<UseCaseResult<{ type: SensitiveType; value: string }>> => {
  authorizeRole({ role: actorRole, allowed: ['supervisor'] });
  const message = await tx.messages.get(messageId);
  if (!message) {
    throw new AppError('NOT_FOUND', 'The message does not exist');
  }
  const findings = detectSensitiveData({ text: message.body, ...(region ? { defaultRegion: region } : {}) });
  const finding = findings[spanIndex];
  if (!finding) {
    throw new AppError('NOT_FOUND', 'The message has no masked value at that index');
  }
  await tx.audit.append({
    at: now,
    actorUserId: actorId,
    action: 'masked_value.revealed',
    subjectType: 'message',
    subjectId: messageId,
    details: { conversationId: message.conversationId, spanIndex, type: finding.type, reason },
  });
  return { value: { type: finding.type, value: message.body.slice(finding.start, finding.end) }, events: [] };
};
