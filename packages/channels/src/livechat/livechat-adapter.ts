import type { TMessage } from '@switchboard/contracts';
import type { ChannelAdapter } from '../channel-adapter';

/** How the live-chat adapter reaches the customer's widget: the server's socket room for the conversation. */
export interface LivechatTransport {
  emitToCustomer(conversationId: string, payload: { conversationId: string; message: TMessage }): void;
}

/**
 * Live chat is our own widget: nothing to verify or parse from a provider, and delivery is a push
 * to the widget. The customer sees every message, their own too (another open tab of theirs
 * stays in step), and the system lines, such as an agent joining.
 */
export const createLivechatAdapter = ({ transport }: { transport: LivechatTransport }): ChannelAdapter => ({
  channel: 'livechat',
  deliver: async ({ conversationId, message }) => {
    transport.emitToCustomer(conversationId, { conversationId, message });
  },
});
