'use client';

import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { type KeyboardEvent, useId } from 'react';
import { type ItemRef, itemSet, itemText, itemValue, moveItem } from '@/lib/plan/lists';
import type { Attendance } from '@/lib/plan/schema';
import { useBoard } from '../board-context';
import { useEdit } from '../edit-context';
import { useTextValue } from '../fields/use-y';

function nameOf(item: ItemRef): string {
  return itemText(item.map, 'name')?.toString().trim() || 'Unnamed person';
}

function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function focusRow(id: string, control: 'handle' | 'up' | 'down'): void {
  requestAnimationFrame(() => {
    const row = document.querySelector(`[data-speaker-id="${id}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-control="${control}"]`);
    (wanted && !wanted.disabled ? wanted : row?.querySelector<HTMLButtonElement>('[data-control="handle"]'))?.focus();
  });
}

interface RowProps {
  item: ItemRef;
  index: number;
  total: number;
  move(id: string, to: number, control: 'handle' | 'up' | 'down'): void;
}

function SpeakerRow({ item, index, total, move }: RowProps) {
  const { readOnly } = useEdit();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: readOnly,
  });
  const name = useTextValue(itemText(item.map, 'name')).trim() || 'Unnamed person';
  const readBy = useTextValue(itemText(item.map, 'readBy')).trim();
  const attendance = itemValue<Attendance>(item.map, 'attendance', 'attends');
  const closer = itemSet(item.map, 'roles')?.has('closer') ?? false;
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(item.id, index + (event.key === 'ArrowUp' ? -1 : 1), 'handle');
  };
  return (
    <li
      ref={setNodeRef}
      className={`speaker${isDragging ? ' is-dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="speaker"
      data-speaker-id={item.id}
      onKeyDown={onKeyDown}
    >
      {readOnly ? null : (
        <button
          type="button"
          className="drag-handle"
          data-control="handle"
          aria-label={`Reorder ${name}, number ${index + 1} of ${total}. Alt plus arrow keys move, or press space to pick up.`}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <span className="speaker-position" aria-hidden="true">
        {index + 1}
      </span>
      <span className="speaker-name">
        <span data-testid="speaker-name">{name}</span>
        {attendance === 'letter-read' ? (
          <span className="muted small"> · letter read by {readBy || 'someone else'}</span>
        ) : null}
        {closer ? <span className="chip">Closer</span> : null}
      </span>
      {readOnly ? null : (
        <span className="speaker-moves">
          <button
            type="button"
            className="button-icon"
            data-control="up"
            aria-label={`Move ${name} earlier`}
            disabled={index === 0}
            onClick={() => move(item.id, index - 1, 'up')}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="button-icon"
            data-control="down"
            aria-label={`Move ${name} later`}
            disabled={index === total - 1}
            onClick={() => move(item.id, index + 1, 'down')}
          >
            <span aria-hidden="true">↓</span>
          </button>
        </span>
      )}
    </li>
  );
}

/**
 * The order in which letters are read: everyone who attends or whose letter is read for them.
 * Drag with a mouse or finger, pick up with Space and move with the arrows, press Alt+Up/Down
 * on a row, or use the buttons. Each move rewrites one order key (lib/plan/order.ts).
 */
export function SpeakingOrder({ items }: { items: ItemRef[] }) {
  const { doc, origin, undo } = useEdit();
  const { notify } = useBoard();
  const dndId = useId();
  const speakers = items.filter((item) => itemValue<Attendance>(item.map, 'attendance', 'attends') !== 'home');
  const ids = speakers.map((item) => item.id);
  const byId = new Map(speakers.map((item) => [item.id, item]));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const label = (id: string | number) => {
    const item = byId.get(String(id));
    return item ? nameOf(item) : 'this person';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${label(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${label(active.id)} is over position ${ids.indexOf(String(over.id)) + 1}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${label(active.id)} dropped at position ${ids.indexOf(String(over.id)) + 1}.`
        : `${label(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${label(active.id)} was cancelled.`,
  };
  const move = (id: string, to: number, control: 'handle' | 'up' | 'down') => {
    if (to < 0 || to >= ids.length) return;
    moveItem(doc, 'team', id, to, origin, ids);
    // Each move is its own step of undo, however quickly they follow each other.
    undo?.stopCapturing();
    notify(`${label(id)} now speaks ${ordinal(to + 1)} of ${ids.length}.`);
    focusRow(id, control);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    moveItem(doc, 'team', String(active.id), ids.indexOf(String(over.id)), origin, ids);
    undo?.stopCapturing();
  };
  const closerIndex = speakers.findIndex((item) => itemSet(item.map, 'roles')?.has('closer'));
  return (
    <div className="speaking-order-card">
      <h3 id="speaking-order-heading">Speaking order</h3>
      {speakers.length === 0 ? (
        <p className="plan-empty">Add the people who will take part; their letters are read in this order.</p>
      ) : (
        <DndContext
          id={dndId}
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol className="speaking-order" aria-labelledby="speaking-order-heading" data-testid="speaking-order">
              {speakers.map((item, index) => (
                <SpeakerRow key={item.id} item={item} index={index} total={speakers.length} move={move} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {closerIndex >= 0 && closerIndex !== speakers.length - 1 ? (
        <p className="plan-advice">The closer usually reads last.</p>
      ) : null}
    </div>
  );
}
