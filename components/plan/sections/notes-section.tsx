'use client';

import { useMemo } from 'react';
import type * as Y from 'yjs';
import { formatDocName } from '@/lib/doc-names';
import { NOTES_FIELD } from '@/lib/plan/schema';
import { useBoard } from '../board-context';
import { EditProvider, fieldKey } from '../edit-context';
import { TextField } from '../fields/text-field';
import { usePeers } from '../../hooks/use-peers';
import { useSyncedDoc } from '../../hooks/use-synced-doc';
import { useUndo } from '../../hooks/use-undo';
import { ConnectionBanner, SaveStatus } from '../save-status';
import { UnsavedChanges } from '../unsaved-changes';
import { Section, SectionHeader } from './parts';

const notesScope = (doc: Y.Doc) => [doc.getText(NOTES_FIELD) as Y.AbstractType<unknown>];

/**
 * The interventionists' private notes: their own document (`board/<b>/notes`), which the server
 * refuses to everyone else. This section is only offered to interventionists, so a family
 * member's browser never even asks for it.
 */
export function NotesSection() {
  const { boardId, user } = useBoard();
  const docName = formatDocName({ kind: 'notes', boardId });
  const notes = useSyncedDoc({
    docName,
    label: 'the private notes',
    user,
    readOnly: false,
    persist: true,
  });
  const origin = useMemo(() => ({ kind: 'my-notes-edits' }), []);
  const undo = useUndo(notes.doc, notesScope, origin);
  const peers = usePeers(notes.provider?.awareness ?? null);
  const awareness = notes.provider?.awareness ?? null;
  const edit = useMemo(
    () =>
      notes.doc
        ? {
            doc: notes.doc,
            readOnly: !notes.canWrite,
            origin,
            undo: undo.manager,
            peers,
            setFocus: (field: string | null) => awareness?.setLocalStateField('field', field),
          }
        : null,
    [notes.doc, notes.canWrite, origin, undo.manager, peers, awareness],
  );
  return (
    <Section id="notes">
      <SectionHeader id="notes">
        <p>
          Only interventionists on this board can open these notes: risk assessment, observations, what to change next
          time. Family members never receive them.
        </p>
      </SectionHeader>
      <div className="row">
        <SaveStatus status={notes.status} />
      </div>
      <ConnectionBanner
        status={notes.status}
        closedReason={notes.closedReason}
        readOnlyReason={null}
        accessReduced={notes.accessReduced}
      />
      <UnsavedChanges synced={notes} docName={docName} />
      {edit && notes.loaded ? (
        <EditProvider value={edit}>
          <TextField
            text={notes.doc?.getText(NOTES_FIELD) ?? null}
            field={fieldKey('notes', null, NOTES_FIELD)}
            label="Notes"
            multiline
            className="notes-field"
            testId="private-notes"
          />
        </EditProvider>
      ) : notes.closedReason ? null : (
        <p className="plan-loading" role="status">
          <span className="plan-spinner" aria-hidden="true" /> Opening the notes…
        </p>
      )}
    </Section>
  );
}
