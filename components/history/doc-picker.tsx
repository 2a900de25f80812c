'use client';

import type { AttemptSummary } from '@/server/boards/boards';
import { attemptName } from '../plan/attempt-state';
import type { DocOption } from './use-documents';

/** Which attempt, and which of its documents, the history shows. */
export function DocPicker(props: {
  attempts: readonly AttemptSummary[];
  attempt: number;
  onAttempt(attempt: number): void;
  docs: readonly DocOption[];
  docName: string;
  onDoc(docName: string): void;
  loadingDocs: boolean;
}) {
  const { attempts, attempt, onAttempt, docs, docName, onDoc, loadingDocs } = props;
  return (
    <div className="history-pickers">
      <div className="field">
        <label htmlFor="history-attempt">Attempt</label>
        <select id="history-attempt" value={attempt} onChange={(event) => onAttempt(Number(event.target.value))}>
          {attempts.map((a) => (
            <option key={a.number} value={a.number}>
              {attemptName(a.number, attempts)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="history-doc">Document</label>
        <select
          id="history-doc"
          value={docName}
          onChange={(event) => onDoc(event.target.value)}
          aria-describedby={loadingDocs ? 'history-doc-hint' : undefined}
        >
          {docs.map((doc) => (
            <option key={doc.name} value={doc.name}>
              {doc.label}
            </option>
          ))}
        </select>
        {loadingDocs ? (
          <span id="history-doc-hint" className="hint">
            Looking for letters you can read…
          </span>
        ) : null}
      </div>
    </div>
  );
}
