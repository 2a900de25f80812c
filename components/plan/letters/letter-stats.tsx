'use client';

import { checkLetter, type LetterKind, type ToneRewrite } from '@/lib/tone';
import { LetterAdvice, type RewriteResult } from './letter-advice';

function readingTime(seconds: number): string {
  if (seconds < 45) return 'under a minute';
  const minutes = Math.round(seconds / 30) / 2;
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

interface LetterStatsProps {
  text: string;
  kind: LetterKind;
  showAdvice: boolean;
  /** Accepts a one-tap rewrite in the letter; absent when the letter is read-only. */
  onRewrite?: (rewrite: ToneRewrite) => RewriteResult;
  onUndo?: () => void;
  /** The tone notes open under a heading, not folded away (see LetterAdvice). */
  standing?: boolean;
}

/**
 * Length and tone beside a letter: words, time to read aloud (~150 words a minute), and the
 * tone checker's notes, as suggestions the writer is free to ignore.
 */
export function LetterStats({ text, kind, showAdvice, onRewrite, onUndo, standing }: LetterStatsProps) {
  const report = checkLetter(text, kind);
  const notes = report.flags.length;
  return (
    <div className="letter-stats">
      <p className="muted small" data-testid="letter-stats">
        {report.wordCount} {report.wordCount === 1 ? 'word' : 'words'} · {readingTime(report.readingSeconds)} read aloud
        {showAdvice && notes > 0 ? ` · ${notes} tone ${notes === 1 ? 'note' : 'notes'}` : ''}
      </p>
      {showAdvice ? (
        <LetterAdvice report={report} text={text} onRewrite={onRewrite} onUndo={onUndo} standing={standing} />
      ) : null}
    </div>
  );
}
