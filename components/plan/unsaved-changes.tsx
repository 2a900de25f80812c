'use client';

import { useId, useState } from 'react';
import { parseDocName } from '@/lib/doc-names';
import type { SyncedDoc } from '../hooks/use-synced-doc';
import { unsentLabel } from './unsaved-labels';
import './unsaved.css';

async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or not a secure context): select it for the person to copy.
    fallback?.focus();
    fallback?.select();
    return false;
  }
}

function UnsentItem({ label, text }: { label: string; text: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'selected' | null>(null);
  return (
    <li className="unsaved-item" data-testid="unsaved-text">
      <label htmlFor={id} className="unsaved-label">
        {label}
      </label>
      <textarea
        id={id}
        readOnly
        value={text}
        rows={Math.min(6, Math.max(2, text.split('\n').length))}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="row">
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={(event) => {
            const area = event.currentTarget.closest('li')?.querySelector('textarea') ?? null;
            void copyText(text, area).then((ok) => setCopied(ok ? 'yes' : 'selected'));
          }}
        >
          Copy
        </button>
        <span className="small muted" role="status">
          {copied === 'yes' ? 'Copied.' : copied === 'selected' ? 'Selected: press Ctrl+C (or ⌘C) to copy.' : ''}
        </span>
      </div>
    </li>
  );
}

/**
 * Edits this device holds that the server did not store and will no longer accept (typed
 * after a freeze or a role change, or offline before one). Nothing is dropped without a word:
 * the person sees each text, copies what they want to keep, and only then discards the copy.
 */
export function UnsavedChanges({ synced, docName }: { synced: SyncedDoc; docName: string }) {
  const [confirming, setConfirming] = useState(false);
  const { unsaved } = synced;
  const kind = parseDocName(docName)?.kind;
  if (!unsaved || !kind) return null;
  const all = unsaved.texts.map((text) => `${unsentLabel(kind, text)}\n${text.text}`).join('\n\n');
  return (
    <section className="unsaved" role="alert" aria-labelledby={`${docName}-unsaved`} data-testid="unsaved-changes">
      <h3 id={`${docName}-unsaved`}>Some of your changes were not saved</h3>
      <p>
        You can no longer change this: it was closed, or your role on the board changed, before these changes reached
        the server. They are still on this device. Copy what you want to keep (to send to the interventionist, or to use
        in the next attempt), then remove this copy.
      </p>
      {unsaved.texts.length > 0 ? (
        <ul className="unsaved-list">
          {unsaved.texts.map((text) => (
            <UnsentItem key={text.path.join('/')} label={unsentLabel(kind, text)} text={text.text} />
          ))}
        </ul>
      ) : null}
      {unsaved.others > 0 ? (
        <p className="small">
          {unsaved.others === 1 ? 'One other change' : `${unsaved.others} other changes`} (a tick, a choice or a removed
          item) could not be saved either.
        </p>
      ) : null}
      <div className="row">
        {unsaved.texts.length > 1 ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void copyText(all, null)}
          >
            Copy all
          </button>
        ) : null}
        {confirming ? (
          <>
            <span className="small">Remove these changes from this device for good?</span>
            <button type="button" className="button button-danger button-small" onClick={synced.discardUnsaved}>
              Remove
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(true)}>
            I have copied them: remove from this device
          </button>
        )}
      </div>
    </section>
  );
}
