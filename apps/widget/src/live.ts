import type {
  CUSTOMER_NAMESPACE,
  CustomerClientToServer,
  CustomerServerToClient,
  TMessage,
} from '@switchboard/contracts';
import { io, type Socket } from 'socket.io-client';
import type { StoredSession } from './session';

type UpdatedEvent = Parameters<CustomerServerToClient['conversation.updated']>[0];

export interface LiveHandlers {
  /** Every (re)connect: catch up with `?after=<last seq>`. */
  connected(reconnect: boolean): void;
  disconnected(): void;
  /** The server refused or dropped us for good (bad token, conversation gone): check over REST. */
  refused(): void;
  message(message: TMessage): void;
  updated(event: UpdatedEvent): void;
  typing(typing: boolean): void;
}

export interface Live {
  typing(typing: boolean): void;
  /** After `refused()`, once REST says the session is still good. */
  reconnect(): void;
  close(): void;
}

const NAMESPACE: typeof CUSTOMER_NAMESPACE = '/customer';

/** The customer's socket: pushes only; every write goes through REST. */
export const connectLive = (base: string, session: StoredSession, on: LiveHandlers): Live => {
  const socket: Socket<CustomerServerToClient, CustomerClientToServer> = io(`${base}${NAMESPACE}`, {
    auth: { token: session.token, conversationId: session.conversationId },
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
  let everConnected = false;
  let closed = false;

  socket.on('connect', () => {
    on.connected(everConnected);
    everConnected = true;
  });
  socket.on('disconnect', (reason) => {
    if (closed) {
      return;
    }
    on.disconnected();
    // The server cut us off on purpose: the client will not reconnect by itself.
    if (reason === 'io server disconnect') {
      on.refused();
    }
  });
  socket.on('connect_error', () => {
    if (closed) {
      return;
    }
    on.disconnected();
    // Refused by the namespace's middleware (not a transport error): no automatic retry.
    if (!socket.active) {
      on.refused();
    }
  });
  socket.on('message.created', (e) => {
    if (e.conversationId === session.conversationId) {
      on.message(e.message);
    }
  });
  socket.on('conversation.updated', (e) => on.updated(e));
  socket.on('typing', (e) => on.typing(e.typing));
  // The servers' fan-out was interrupted (Redis away) and is back: catch up as after a reconnect.
  socket.on('resync', () => on.connected(true));

  return {
    typing: (typing) => {
      if (socket.connected) {
        socket.emit('typing', { typing });
      }
    },
    reconnect: () => {
      if (!closed && !socket.connected && !socket.active) {
        socket.connect();
      }
    },
    close: () => {
      closed = true;
      socket.disconnect();
    },
  };
};
