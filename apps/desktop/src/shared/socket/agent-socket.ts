import type { AgentClientToServer, AgentServerToClient } from '@switchboard/contracts';
import { AGENT_NAMESPACE } from '@switchboard/contracts/constants';
import { io, type Socket } from 'socket.io-client';

export type AgentSocket = Socket<AgentServerToClient, AgentClientToServer>;

/**
 * One socket per mounted desk, created by its provider, never at module level. The session cookie
 * authenticates the handshake; Socket.IO reconnects by itself after network failures.
 */
export const createAgentSocket = (): AgentSocket =>
  io(AGENT_NAMESPACE, {
    withCredentials: true,
    autoConnect: false,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
