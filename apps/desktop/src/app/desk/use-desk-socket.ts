import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createAgentSocket } from '../../shared/socket/agent-socket';
import type { SocketRelay } from '../../shared/socket/socket-relay';
import type { DeskController } from './desk-actions';
import type { ConnectionStatus } from './desk-context';

const MANUAL_RETRY_MS = [2000, 5000, 10_000, 30_000];

/**
 * The desk's socket on `/agent`. Socket.IO reconnects by itself after network failures; when the
 * server refuses the handshake or drops us, we check the session (a 401 ends it) and reconnect by
 * hand. Every `connect`, the first one included, runs the controller's catch-up.
 */
export const useDeskSocket = (controller: DeskController, relay: SocketRelay): ConnectionStatus => {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const latest = useRef(controller);
  useLayoutEffect(() => {
    latest.current = controller;
  });

  useEffect(() => {
    const socket = createAgentSocket();
    let everConnected = false;
    let attempts = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const reconnectByHand = () => {
      clearTimeout(retryTimer);
      const delay = MANUAL_RETRY_MS[Math.min(attempts, MANUAL_RETRY_MS.length - 1)];
      attempts += 1;
      retryTimer = setTimeout(() => {
        void latest.current.checkSession().then((valid) => {
          if (valid && !socket.connected) {
            socket.connect();
          }
        });
      }, delay);
    };

    socket.on('connect', () => {
      everConnected = true;
      attempts = 0;
      setStatus('connected');
      void latest.current.sync();
      relay.emit('connect', undefined);
    });
    socket.on('disconnect', (reason) => {
      setStatus('reconnecting');
      if (reason === 'io server disconnect') {
        reconnectByHand();
      }
    });
    socket.on('connect_error', () => {
      setStatus(everConnected ? 'reconnecting' : 'connecting');
      if (!socket.active) {
        reconnectByHand();
      }
    });

    socket.on('agent.state', (e) => latest.current.socketHandlers['agent.state'](e));
    socket.on('offer.created', (e) => latest.current.socketHandlers['offer.created'](e));
    socket.on('settings.changed', (e) => latest.current.socketHandlers['settings.changed'](e));
    socket.on('lists.changed', (e) => latest.current.socketHandlers['lists.changed'](e));
    socket.on('offer.updated', (e) => latest.current.socketHandlers['offer.updated'](e));
    socket.on('offer.closed', (e) => latest.current.socketHandlers['offer.closed'](e));
    socket.on('message.created', (e) => latest.current.socketHandlers['message.created'](e));
    socket.on('message.updated', (e) => latest.current.socketHandlers['message.updated'](e));
    socket.on('conversation.updated', (e) => latest.current.socketHandlers['conversation.updated'](e));
    socket.on('request.failed', (e) => latest.current.socketHandlers['request.failed'](e));
    socket.on('supervisor.overview', (e) => relay.emit('supervisor.overview', e));
    // The servers' fan-out was interrupted (Redis away) and is back: catch up as after a reconnect.
    socket.on('resync', () => {
      latest.current.socketHandlers.resync();
      relay.emit('connect', undefined);
    });

    socket.connect();
    return () => {
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [relay]);

  return status;
};
