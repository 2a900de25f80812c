'use client';

import { useRef } from 'react';
import type * as Y from 'yjs';
import { itemText, itemValue } from '@/lib/plan/lists';
import type { QuestionAnswered } from '@/lib/protocol/board-events';
import { useBoard } from '../board-context';
import { fieldKey, useEdit } from '../edit-context';
import { TextField } from '../fields/text-field';
import { useList, useTextValue } from '../fields/use-y';
import { AddItemButton, EmptyList, ItemCard, Section, SectionHeader } from './parts';

function Answer({
  text,
  itemId,
  answers,
  onAnswered,
}: {
  text: Y.Text | null;
  itemId: string;
  answers: boolean;
  onAnswered(value: string): void;
}) {
  const answer = useTextValue(text);
  if (!answers && !answer.trim()) return <p className="muted small span-2">Waiting for an answer.</p>;
  return (
    <TextField
      text={text}
      field={fieldKey('questions', itemId, 'answer')}
      label="Answer"
      multiline
      locked={!answers}
      className="span-2 answer-field"
      onCommit={onAnswered}
    />
  );
}

function QuestionState({ text }: { text: Y.Text | null }) {
  const answered = useTextValue(text).trim() !== '';
  return (
    <span className={`badge ${answered ? 'question-answered' : 'question-open'}`} data-testid="question-state">
      {answered ? 'Answered' : 'Open'}
    </span>
  );
}

/** What the board channel is told, once per question or answer (the payload besides the board). */
type Announcement =
  | [event: 'question:asked', payload: Record<string, never>]
  | [event: 'question:answered', payload: Omit<QuestionAnswered, 'boardId'>];

/**
 * Participants ask, interventionists answer. Who may type where is a courtesy of the page: the
 * plan is one document that every participant may write (the server's rule), so a question's
 * answer box is locked for family members here rather than by the server.
 */
export function QuestionsSection() {
  const { doc } = useEdit();
  const { me, boardId, socket } = useBoard();
  const items = useList(doc, 'questions');
  // Each question and answer is announced once per page: the notice says only that it happened.
  const announced = useRef(new Set<string>());
  const announce = (key: string, value: string, ...[event, payload]: Announcement) => {
    if (!value.trim() || announced.current.has(key)) return;
    announced.current.add(key);
    socket?.emit(event, { boardId, ...payload });
  };
  // Whoever answers questions also looks after them: edits and removes anyone's.
  const answers = me.abilities.can['questions.answer'];
  return (
    <Section id="questions">
      <SectionHeader id="questions" title="Questions for the interventionist">
        <p>No question is too small. Ask here; your interventionist answers here, so everyone can read the answer.</p>
      </SectionHeader>
      {items.length === 0 ? <EmptyList>No questions yet.</EmptyList> : null}
      <div className="item-list">
        {items.map((item) => {
          const askedBy = itemValue(item.map, 'askedBy', '');
          const mine = askedBy === me.userId;
          const answer = itemText(item.map, 'answer');
          return (
            <ItemCard
              key={item.id}
              list="questions"
              item={item}
              titleField="question"
              noun="question"
              canRemove={mine || answers}
              head={
                <span className="muted small">
                  Asked by {itemValue(item.map, 'askedByName', '') || 'someone'} <QuestionState text={answer} />
                </span>
              }
            >
              <TextField
                text={itemText(item.map, 'question')}
                field={fieldKey('questions', item.id, 'question')}
                label="Question"
                multiline
                locked={!mine && !answers}
                className="span-2"
                onCommit={(value) => mine && announce(`asked:${item.id}`, value, 'question:asked', {})}
              />
              <Answer
                text={answer}
                itemId={item.id}
                answers={answers}
                onAnswered={(value) =>
                  askedBy && announce(`answered:${item.id}`, value, 'question:answered', { askerId: askedBy })
                }
              />
            </ItemCard>
          );
        })}
      </div>
      <AddItemButton
        list="questions"
        label="Ask a question"
        init={() => ({ values: { askedBy: me.userId, askedByName: me.name } })}
      />
    </Section>
  );
}
