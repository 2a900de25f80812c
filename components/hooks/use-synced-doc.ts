'use client';

import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connectDoc } from '@/components/browser/connect-doc';
import { terminalMessage, wsOrigin } from '../browser/close-messages';
import { LOCAL_COPY_PREFIX } from '../browser/local-copies';
import { SaveTracker } from '../browser/save-tracker';

export type ConnectionStatus = 'connecting' | 'offline' | 'reconnecting' | 'saving' | 'saved' | 'read-only' | 'closed';

export interface PresenceUser {
  userId: string;
  name: string;
  color: string;
}

export interface SyncedDocOptions {
  docName: string;
  /** Human words for the document in messages ("this plan", "Jordan's letters"). */
  label: string;
  user: PresenceUser;
  readOnly: boolean;
  /**
   * Keep a copy on this device (IndexedDB) so that offline edits survive a reload. Only for
   * documents the person may write; the key includes the user id so two people sharing a
   * browser never share a copy.
   */
  persist: boolean;
}

export interface SyncedDoc {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  /** Content is on screen: the server answered, or a local copy with content was loaded. */
  loaded: boolean;
  /** The server answered at least once since the page opened. */
  synced: boolean;
  status: ConnectionStatus;
  /** Why the server closed the document for good, in words; null while it is open. */
  closedReason: string | null;
}

const INITIAL: SyncedDoc = {
  doc: null,
  provider: null,
  loaded: false,
  synced: false,
  status: 'connecting',
  closedReason: null,
};

/**
 * One Yjs document kept in sync with the server (one provider per document, torn down on
 * unmount), optionally backed by IndexedDB, with a status a person can understand.
 */
export function useSyncedDoc(options: SyncedDocOptions): SyncedDoc {
  const { docName, label, readOnly, persist } = options;
  const { userId, name, color } = options.user;
  const [state, setState] = useState<SyncedDoc>(INITIAL);

  useEffect(() => {
    const doc = new Y.Doc();
    let closedReason: string | null = null;
    let everConnected = false;
    let localLoaded = false;
    const online = () => typeof navigator === 'undefined' || navigator.onLine;

    const provider = connectDoc({
      url: wsOrigin(),
      docName,
      doc,
      connect: online(),
      onTerminalClose: (code) => {
        closedReason = terminalMessage(code, label);
        publish();
      },
    });
    provider.awareness.setLocalStateField('user', { userId, name, color });
    const persistence = persist ? new IndexeddbPersistence(`${LOCAL_COPY_PREFIX}${userId}:${docName}`, doc) : null;
    const tracker = new SaveTracker(doc, provider, () => publish());

    function status(): ConnectionStatus {
      if (closedReason) return 'closed';
      if (!online()) return 'offline';
      if (!provider.wsconnected)
        return everConnected || provider.wsUnsuccessfulReconnects > 1 ? 'reconnecting' : 'connecting';
      if (!provider.synced) return 'connecting';
      if (readOnly) return 'read-only';
      return tracker.isPending ? 'saving' : 'saved';
    }

    function publish() {
      const synced = everConnected;
      setState({ doc, provider, loaded: synced || localLoaded, synced, status: status(), closedReason });
    }

    const onStatus = () => publish();
    const onSync = (isSynced: boolean) => {
      if (isSynced) everConnected = true;
      publish();
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onStatus);
    persistence?.on('synced', () => {
      // An empty local copy says nothing: wait for the server rather than show an empty plan.
      localLoaded = Y.encodeStateVector(doc).length > 1;
      publish();
    });

    // Browsers know before the socket does: stop retrying while offline, resume at once after.
    const goOffline = () => {
      provider.disconnect();
      publish();
    };
    const goOnline = () => {
      if (!closedReason) provider.connect();
      publish();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    publish();

    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      tracker.destroy();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onStatus);
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
      setState(INITIAL);
    };
  }, [docName, label, readOnly, persist, userId, name, color]);

  return state;
}
