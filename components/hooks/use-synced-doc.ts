'use client';

import { useEffect, useRef, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { fromBase64 } from 'lib0/buffer';
import type { RenderedDocState } from '@/server/update-log/page-state';
import { connectDoc } from '@/components/browser/connect-doc';
import { parseDocName } from '@/lib/doc-names';
import { hasUnsent, type UnsentChanges, unsentChanges } from '@/lib/plan/unsent';
import { CloseCode } from '@/lib/protocol/close-codes';
import { terminalMessage, wsOrigin } from '../browser/close-messages';
import { deleteLocalCopy, localCopyName, mayHaveLocalCopy } from '../browser/local-copies';
import { SaveTracker } from '../browser/save-tracker';
import { holdOpen } from '../browser/live-connections';
import { reportUnsent } from '../browser/unsent-edits';
import { useKeepsLocalCopies } from './device';

export type ConnectionStatus =
  'connecting' | 'offline' | 'reconnecting' | 'saving' | 'saved' | 'read-only' | 'not-saved' | 'closed';

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
  /** The page's answer (its abilities, from the server render); the server may say less since. */
  readOnly: boolean;
  /**
   * Keep a copy on this device (IndexedDB) so that offline edits survive a reload. Only for
   * documents the person may write; the key includes the user id so two people sharing a
   * browser never share a copy.
   */
  persist: boolean;
  /**
   * Only shown beside another view of the same document (a summary): announces no presence and
   * never looks at this device's copy, which belongs to the document's own view.
   */
  readAlong?: boolean;
  /**
   * The document as stored when the page was rendered: shown (and editable) at once, before the
   * socket has synced; the sync then brings whatever changed since. Used only if it is this
   * document's, and only for the page's first connection of it (a later one syncs from memory).
   */
  rendered?: RenderedDocState | null;
}

export interface SyncedDoc {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  /** Content is on screen: the server answered, the page came with it, or a local copy with content was loaded. */
  loaded: boolean;
  /** The server answered at least once since the page opened. */
  synced: boolean;
  status: ConnectionStatus;
  /** Why the server closed the document for good, in words; null while it is open. */
  closedReason: string | null;
  /** Whether the page may let the person edit now: false once the server said otherwise. */
  canWrite: boolean;
  /** The server made the document read-only after the page was rendered (closed, or a role change). */
  accessReduced: boolean;
  /** Text this device holds that the server did not store and will not accept now; null when none. */
  unsaved: UnsentChanges | null;
  /** Forgets the device's copy of the unsaved text (after the person copied what they wanted). */
  discardUnsaved(): void;
}

const NO_DISCARD = () => undefined;
const INITIAL: SyncedDoc = {
  doc: null,
  provider: null,
  loaded: false,
  synced: false,
  status: 'connecting',
  closedReason: null,
  canWrite: false,
  accessReduced: false,
  unsaved: null,
  discardUnsaved: NO_DISCARD,
};

/** Edits carried from a torn-down connection into the next one of the same document. */
const CARRIED_ORIGIN = { kind: 'carried-edits' };
/** The stored state the page was rendered with: the server has it, nothing of it is unsent. */
const RENDERED_ORIGIN = { kind: 'rendered-state' };

/** Applies the rendered state to a fresh document; false (and nothing applied) if it does not decode. */
function applyRendered(doc: Y.Doc, rendered: RenderedDocState): boolean {
  try {
    const parts = rendered.parts.map((part) => fromBase64(part));
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part, RENDERED_ORIGIN);
    }, RENDERED_ORIGIN);
    return true;
  } catch {
    // The socket brings the same state; the page just waits for it as it would without one.
    return false;
  }
}

interface Carried {
  docName: string;
  update: Uint8Array;
}

/**
 * One Yjs document kept in sync with the server (one provider per document, torn down on
 * unmount), optionally backed by IndexedDB, with a status a person can understand.
 *
 * Edits the server does not store are never shown as saved. The server says so in two ways:
 * it closes a writer with AccessReduced (4301) when access shrinks, and it tells a reader's
 * socket that dropped an edit that the connection is read-only (SaveTracker). Either way the
 * document is reopened read-only, with the edits that were not confirmed carried over in memory;
 * they and this device's local copy are compared with what the server has, and whatever it
 * lacks is offered for copying out (`unsaved`). A read-only page looks at the local copy the
 * same way, so offline edits made before a freeze are not left in the browser without a word.
 */
export function useSyncedDoc(options: SyncedDocOptions): SyncedDoc {
  const { docName, label, readOnly, readAlong = false, rendered = null } = options;
  // A shared or family computer keeps nothing of a board in its browser, nor looks for it there.
  const keepsCopies = useKeepsLocalCopies();
  const persist = options.persist && keepsCopies;
  const { userId, name, color } = options.user;
  const [state, setState] = useState<SyncedDoc>(INITIAL);
  // What the server said since the page's answer; a new answer (docName, readOnly) starts afresh.
  const key = `${readOnly}:${docName}`;
  const [reduced, setReduced] = useState<{ key: string; on: boolean }>({ key, on: false });
  // Forgotten, not only hidden, when the answer changes: after a freeze and its lifting the page
  // gives the answer it gave before, and a reduction kept under it would lock the plan for good.
  if (reduced.key !== key) setReduced({ key, on: false });
  const accessReduced = reduced.key === key && reduced.on;
  // Kept across connections of this page, not rendered: what the last connection left unconfirmed.
  const carried = useRef<Carried | null>(null);
  // The state the page was rendered with, as it was when the page mounted (a refresh of the page
  // hands none), for the page's first connection of its document only: a later one (after a
  // role change, a freeze) would otherwise start from what is older than it showed.
  const [renderedAtMount] = useState(rendered);
  const renderedUsed = useRef(false);
  const writable = !readOnly && !accessReduced;

  useEffect(() => {
    const carriedHere = carried.current?.docName === docName ? carried.current.update : null;
    const forgetCarried = () => {
      if (carried.current?.docName === docName) carried.current = null;
    };
    const doc = new Y.Doc();
    const fromRender = renderedAtMount?.docName === docName && !renderedUsed.current;
    if (fromRender) renderedUsed.current = true;
    // Before the provider and the save tracker exist: what the server stored is not an edit.
    const renderedLoaded = fromRender && renderedAtMount !== null && applyRendered(doc, renderedAtMount);
    let closedReason: string | null = null;
    let everConnected = false;
    let localLoaded = false;
    let unsaved: UnsentChanges | null = null;
    let discardUnsaved: () => void = NO_DISCARD;
    let disposed = false;
    const online = () => typeof navigator === 'undefined' || navigator.onLine;
    const copyName = localCopyName(userId, docName);

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
    if (!readAlong) provider.awareness.setLocalStateField('user', { userId, name, color });
    const letGo = holdOpen(
      () =>
        new Promise<void>((resolve) => {
          // Closed once its socket's closing handshake is done: y-websocket lets go of the socket
          // at once, the socket itself says when it is closed.
          const socket = provider.ws;
          if (!socket || socket.readyState === WebSocket.CLOSED) resolve();
          else socket.addEventListener('close', () => resolve(), { once: true });
          provider.disconnect();
        }),
    );
    // Only a writable document keeps its copy in step: a read-only one only looks at it (below).
    const persistence = writable && persist ? new IndexeddbPersistence(copyName, doc) : null;
    if (writable && carriedHere) {
      // This connection sends them (and carries them on again if they are not confirmed).
      Y.applyUpdate(doc, carriedHere, CARRIED_ORIGIN);
      forgetCarried();
    }
    const tracker = new SaveTracker(doc, provider, () => {
      if (tracker.isRefused && writable) setReduced({ key, on: true });
      publish();
    });

    function status(): ConnectionStatus {
      if (closedReason) return 'closed';
      if (tracker.isRefused || unsaved) return 'not-saved';
      if (!online()) return 'offline';
      if (!provider.wsconnected)
        return everConnected || provider.wsUnsuccessfulReconnects > 1 ? 'reconnecting' : 'connecting';
      if (!provider.synced) return 'connecting';
      if (!writable) return 'read-only';
      return tracker.isPending ? 'saving' : 'saved';
    }

    function publish() {
      if (disposed) return;
      if (!readAlong) reportUnsent(copyName, tracker.isPending || tracker.isRefused || unsaved !== null);
      const synced = everConnected;
      setState({
        doc,
        provider,
        loaded: synced || localLoaded || renderedLoaded,
        synced,
        status: status(),
        closedReason,
        canWrite: writable && !closedReason && !tracker.isRefused,
        accessReduced,
        unsaved,
        discardUnsaved,
      });
    }

    // A read-only document: does this device hold anything of it that the server does not?
    const device = writable || readAlong || !keepsCopies ? null : new Y.Doc();
    let deviceCopy: IndexeddbPersistence | null = null;
    let deviceReady = false;
    let compared = false;
    const compareDevice = () => {
      // Once per connection of the page: the server's copy is read-only, it will not catch up.
      if (!device || !deviceReady || !everConnected || disposed || compared) return;
      compared = true;
      const name = parseDocName(docName);
      const changes = name ? unsentChanges(name, doc, device) : null;
      if (changes && hasUnsent(changes)) {
        unsaved = changes;
        discardUnsaved = () => {
          unsaved = null;
          discardUnsaved = NO_DISCARD;
          forgetCarried();
          void (deviceCopy ? deviceCopy.clearData() : deleteLocalCopy(copyName));
          publish();
        };
      } else {
        // The server has all of it: the copy is no longer needed on this device.
        forgetCarried();
        void (deviceCopy ? deviceCopy.clearData() : Promise.resolve());
      }
      publish();
    };
    if (device) {
      if (carriedHere) Y.applyUpdate(device, carriedHere);
      void mayHaveLocalCopy(copyName).then((exists) => {
        if (disposed) return;
        if (!exists) {
          // Nothing on this device to look at, unless the last connection left edits behind.
          deviceReady = carriedHere !== null;
          compareDevice();
          return;
        }
        deviceCopy = new IndexeddbPersistence(copyName, device);
        deviceCopy.on('synced', () => {
          deviceReady = true;
          compareDevice();
        });
      });
    }

    const onStatus = () => publish();
    const onSync = (isSynced: boolean) => {
      if (isSynced) everConnected = true;
      compareDevice();
      publish();
    };
    const onClose = (event: CloseEvent | null) => {
      // The server changed what this connection may do: reopen with what it now allows.
      if (event?.code === CloseCode.AccessReduced && writable) setReduced({ key, on: true });
      if (event?.code === CloseCode.AccessIncreased && accessReduced) setReduced({ key, on: false });
      publish();
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
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
      disposed = true;
      letGo();
      if (!readAlong) reportUnsent(copyName, false);
      // Edits the server has not confirmed go on to the next connection of this document.
      if (writable && (tracker.isPending || tracker.isRefused))
        carried.current = { docName, update: Y.encodeStateAsUpdate(doc) };
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      tracker.destroy();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.destroy();
      void persistence?.destroy();
      void deviceCopy?.destroy();
      device?.destroy();
      doc.destroy();
      setState(INITIAL);
    };
  }, [
    docName,
    label,
    writable,
    persist,
    keepsCopies,
    readAlong,
    userId,
    name,
    color,
    key,
    accessReduced,
    renderedAtMount,
  ]);

  return state;
}
