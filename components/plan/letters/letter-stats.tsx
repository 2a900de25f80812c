'use client';

import { checkLetter, type LetterKind } from '@/lib/tone';

function readingTime(seconds: number): string {
  if (seconds < 45) return 'under a minute';
  const minutes = Math.round(seconds / 30) / 2;
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Length and tone beside a letter: words, time to read aloud (~150 words a minute), and the
 * tone checker's notes, as suggestions the writer is free to ignore.
 */
export function LetterStats({ text, kind, showAdvice }: { text: string; kind: LetterKind; showAdvice: boolean }) {
  const report = checkLetter(text, kind);
  const notes = report.flags.length;
  return (
    <div className="letter-stats">
      <p className="muted small" data-testid="letter-stats">
        {report.wordCount} {report.wordCount === 1 ? 'word' : 'words'} · {readingTime(report.readingSeconds)} read aloud
        {showAdvice && notes > 0 ? ` · ${notes} tone ${notes === 1 ? 'note' : 'notes'}` : ''}
      </p>
      {showAdvice && (notes > 0 || (report.wordCount > 0 && report.missing.length > 0)) ? (
        <details className="letter-advice">
          <summary>Suggestions for this letter</summary>
          <ul>
            {report.flags.map((flag) => (
              <li key={flag.id}>
                <strong>“{flag.phrase}”</strong>: {flag.reason} {flag.suggestion}
              </li>
            ))}
            {report.wordCount > 0
              ? report.missing.map((missing) => <li key={missing.element}>{missing.advice}</li>)
              : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
