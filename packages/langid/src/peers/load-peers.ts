/** Loads peers by name; a peer whose package is not installed is reported, not thrown. */
import type { PeerClassifier } from './peer-classifier.js';
import { loadCld2 } from './cld2.js';
import { loadCld3 } from './cld3.js';
import { loadFranc } from './franc.js';
import { loadLid176 } from './lid176.js';

const LOADERS: Readonly<Record<string, () => Promise<PeerClassifier>>> = {
  'lid.176': loadLid176,
  cld2: loadCld2,
  cld3: loadCld3,
  'franc-all': loadFranc,
};

export const PEER_NAMES: readonly string[] = Object.keys(LOADERS);

export async function loadPeer(name: string): Promise<PeerClassifier> {
  const load = LOADERS[name];
  if (!load) throw new Error(`unknown peer "${name}" (known: ${PEER_NAMES.join(', ')})`);
  return load();
}

export interface LoadedPeers {
  readonly peers: PeerClassifier[];
  /** Peers that could not load, with the reason (e.g. the dev dependency is not installed, or cld was not built). */
  readonly missing: Array<{ readonly name: string; readonly reason: string }>;
}

export async function loadPeers(names: readonly string[] = PEER_NAMES): Promise<LoadedPeers> {
  const peers: PeerClassifier[] = [];
  const missing: Array<{ name: string; reason: string }> = [];
  for (const name of names) {
    try {
      peers.push(await loadPeer(name));
    } catch (error) {
      missing.push({ name, reason: (error as Error).message });
    }
  }
  return { peers, missing };
}
