import { clock } from '@/lib/run/labels';
import type { LetterText } from '@/server/run/letter-text';

const NOTE: Record<LetterText['status'], string> = {
  approved: '',
  draft: 'Not approved yet: this is the current draft. Ask the interventionist before the day.',
  shared: '',
  empty: '',
};

export function PacketLetter({ title, letter }: { title: string; letter: LetterText }) {
  return (
    <div className="packet-letter">
      <h4>{title}</h4>
      {letter.status === 'empty' ? (
        <p className="muted">Not written yet.</p>
      ) : (
        <>
          {NOTE[letter.status] ? <p className="packet-note">{NOTE[letter.status]}</p> : null}
          {letter.changedSince ? (
            <p className="packet-note">This is the approved text; the letter was edited after it was approved.</p>
          ) : null}
          {letter.text.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
          <p className="muted small">
            About {clock(letter.readingSeconds * 1000)} to read aloud ({letter.words} words).
          </p>
        </>
      )}
    </div>
  );
}
