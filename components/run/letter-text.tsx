import { clock } from '@/lib/run/labels';
import type { LetterText, SheetSpeaker } from './run-types';

/** The two-minute guide for a letter read aloud (lib/tone/reading-time.ts). */
export const GUIDE_SECONDS = 120;

function statusNote(letter: LetterText, own: boolean): string | null {
  switch (letter.status) {
    case 'approved':
      return letter.changedSince ? 'Approved text (edited since it was approved: this is what was approved)' : null;
    case 'draft':
      return own ? 'Not approved yet: your current draft' : 'Not approved yet: the current draft';
    case 'shared':
    case 'empty':
      return null;
  }
}

/** A letter for reading aloud: large, in paragraphs, with its estimated reading time. */
export function LetterForReading({
  speaker,
  field,
  own,
}: {
  speaker: SheetSpeaker;
  field: 'impact' | 'bottomLine';
  own: boolean;
}) {
  const letters = speaker.letters;
  if (letters === null) {
    return <p className="muted">{speaker.name} has no account on the board: their letter is on paper.</p>;
  }
  if (letters === 'private') {
    return (
      <p className="muted" data-testid="letter-private">
        {speaker.name}’s letter stays between them and the interventionist: it is not shown on your screen.
      </p>
    );
  }
  const letter = letters[field];
  if (letter.status === 'empty') return <p className="muted">Nothing written yet.</p>;
  const note = statusNote(letter, own);
  return (
    <div className="run-letter" data-testid="run-letter">
      {note ? <p className="run-letter-note small">{note}</p> : null}
      <div className="run-letter-text">
        {letter.text.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <p className="muted small">
        About {clock(letter.readingSeconds * 1000)} to read aloud ({letter.words} words; the guide is about{' '}
        {clock(GUIDE_SECONDS * 1000)}).
      </p>
    </div>
  );
}
