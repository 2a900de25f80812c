import type { Segment } from '@/lib/diff';

/**
 * A text with its additions and removals marked. `side` shows one version only (the other's
 * words left out), for side-by-side columns. Screen readers hear "added" and "removed" too:
 * most of them do not announce <ins> and <del> on their own.
 */
export function WordDiff({
  segments,
  side = 'both',
}: {
  segments: readonly Segment[];
  side?: 'both' | 'before' | 'after';
}) {
  if (segments.length === 0) return <span className="muted">(empty)</span>;
  return (
    <span className="word-diff">
      {segments.map((segment, index) => {
        if (segment.kind === 'same') return <span key={index}>{segment.text}</span>;
        if (segment.kind === 'added') {
          if (side === 'before') return null;
          return (
            <ins key={index} className="diff-added" data-testid="diff-added">
              <span className="visually-hidden">[added: </span>
              {segment.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        }
        if (side === 'after') return null;
        return (
          <del key={index} className="diff-removed" data-testid="diff-removed">
            <span className="visually-hidden">[removed: </span>
            {segment.text}
            <span className="visually-hidden">]</span>
          </del>
        );
      })}
    </span>
  );
}
