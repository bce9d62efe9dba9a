// Requests as the store's server would hand them over: stamped with a socket address (lib/http/peer
// stamps every request the http.Server receives; a route handler called directly gets the same
// header from here, with this process's token).
import { PEER_HEADER, installPeerStamp } from '../../../lib/http/peer';

export function fromAddress(addr: string): Record<string, string> {
  installPeerStamp();
  const stamp = (globalThis as Record<symbol, { token: string } | undefined>)[Symbol.for('seedprint.peerStamp')];
  return { [PEER_HEADER]: `${stamp!.token} ${addr}` };
}
