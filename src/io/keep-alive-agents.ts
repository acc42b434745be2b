import type { Agent } from 'node:http';
import type { RequestOptions } from 'node:https';

/**
 * Node's HTTP modules as their CommonJS objects. An ESM `import` of node:http reads every one of
 * its exports, and its WebSocket getters load Node's bundled undici: ~60 ms of start-up for
 * nothing this client uses.
 */
export const http = process.getBuiltinModule('node:http');
export const https = process.getBuiltinModule('node:https');

/** The agent a Node request is made with (client-node sets it per cluster and user). */
export type RequestAgent = RequestOptions['agent'];

/**
 * client-node gives every request of a context the same agent (its per cluster and user cache),
 * made without keep-alive: each list page then opened a new connection, a TCP and TLS handshake
 * with the CA parsed again, for every one of the hundreds of pages a large cluster takes. Its
 * plain https and http agents are swapped for a keep-alive twin with the same TLS options;
 * proxy agents (SOCKS, HTTP CONNECT, their own subclasses) are used as client-node made them.
 * Idle sockets of a Node agent are unreferenced, so they never keep the process alive. A kept
 * connection the server closed just before it was reused fails as a reset, which the live source
 * retries like any other (a new connection then).
 */
export function keepAliveAgents(): (agent: RequestAgent) => RequestAgent {
  const twins = new WeakMap<Agent, Agent>();
  return (agent) => {
    if (!(agent instanceof http.Agent)) return agent;
    const kind = Object.getPrototypeOf(agent);
    if (kind !== https.Agent.prototype && kind !== http.Agent.prototype) return agent;
    let twin = twins.get(agent);
    if (!twin) {
      twin =
        agent instanceof https.Agent
          ? new https.Agent({ ...agent.options, keepAlive: true })
          : new http.Agent({ keepAlive: true });
      twins.set(agent, twin);
    }
    return twin;
  };
}
