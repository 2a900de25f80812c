'use client';

import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { addItem, itemText, removeItem, type ItemInit } from '@/lib/plan/lists';
import type { ListName } from '@/lib/plan/schema';
import { type SectionId, sectionLabel } from '@/lib/plan/sections';
import { useBoard } from '../board-context';
import { useEdit } from '../edit-context';

/** A section's heading (its name in the menu, unless it says more) and a few calm words of guidance. */
export function SectionHeader({
  id,
  title = sectionLabel(id),
  children,
}: {
  id: SectionId;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <header className="section-header">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children ? <div className="section-intro">{children}</div> : null}
    </header>
  );
}

export function Section({ id, children }: { id: string; children: ReactNode }) {
  return (
    <section className="plan-section" aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      {children}
    </section>
  );
}

/** What an empty list says: an invitation to writers, a plain fact to readers. */
export function EmptyList({ children }: { children: ReactNode }) {
  const { readOnly } = useEdit();
  return <p className="plan-empty">{readOnly ? 'Nothing here yet.' : children}</p>;
}

function focusFirstField(id: string): void {
  // After React has rendered the new item.
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(
      `[data-item="${id}"] input[type="text"], [data-item="${id}"] textarea`,
    );
    field?.focus();
  });
}

/** "Add …" for a list; hidden for readers. Focuses the new item's first field. */
export function AddItemButton({
  list,
  label,
  init,
  onAdded,
}: {
  list: ListName;
  label: string;
  init?: () => ItemInit;
  onAdded?(id: string): void;
}) {
  const { doc, readOnly, origin } = useEdit();
  if (readOnly) return null;
  return (
    <button
      type="button"
      className="button button-secondary add-item"
      onClick={() => {
        const id = addItem(doc, list, init?.() ?? {}, origin);
        onAdded?.(id);
        focusFirstField(id);
      }}
    >
      <span aria-hidden="true">+</span> {label}
    </button>
  );
}

/** A card for one list item, with a Remove button that can be undone. */
export function ItemCard(props: {
  list: ListName;
  item: { id: string; map: Y.Map<unknown> };
  titleField: string;
  noun: string;
  children: ReactNode;
  canRemove?: boolean;
  head?: ReactNode;
}) {
  const { doc, readOnly, origin } = useEdit();
  const { notify } = useBoard();
  const { list, item, titleField, noun, children, head } = props;
  const canRemove = !readOnly && props.canRemove !== false;
  const name = () => itemText(item.map, titleField)?.toString().trim() || `this ${noun}`;
  return (
    <article className="item-card" data-item={item.id} data-testid={`item-${list}`}>
      {head || canRemove ? (
        <div className="item-card-head">
          <div className="item-card-title">{head}</div>
          {canRemove ? (
            <button
              type="button"
              className="button-quiet button-remove"
              aria-label={`Remove ${name()}`}
              onClick={() => {
                const label = name();
                removeItem(doc, list, item.id, origin);
                notify(`Removed ${label}.`, { undo: true });
              }}
            >
              Remove
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="item-grid">{children}</div>
    </article>
  );
}
