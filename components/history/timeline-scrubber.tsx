'use client';

import { shortMoment } from '../ui/dates';
import type { Moment } from './moments';

export interface Marker {
  id: string;
  label: string;
  index: number;
  seq: number;
}

/**
 * The timeline as a slider: one step per moment, oldest on the left. Arrow keys step one
 * moment, Page Up/Down several, Home/End the first and last (the native range input does it).
 * Named versions sit on the track as flags that can be focused and chosen.
 */
export function TimelineScrubber(props: {
  moments: readonly Moment[];
  index: number;
  describe(moment: Moment): string;
  onIndex(index: number): void;
  markers: readonly Marker[];
  onMarker(marker: Marker): void;
}) {
  const { moments, index, describe, onIndex, markers, onMarker } = props;
  const last = moments.length - 1;
  const current = moments[index];
  const position = (i: number) => (last > 0 ? (i / last) * 100 : 0);
  return (
    <div className="scrubber" data-testid="scrubber-box">
      <div className="spread scrubber-head">
        <label htmlFor="history-scrubber">
          Moment {index + 1} of {moments.length}
        </label>
        <div className="scrubber-steps" role="group" aria-label="Step through the moments">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onIndex(Math.max(0, index - 1))}
            disabled={index <= 0}
          >
            ‹ Earlier
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onIndex(Math.min(last, index + 1))}
            disabled={index >= last}
          >
            Later ›
          </button>
        </div>
      </div>
      <div className="scrubber-track">
        <input
          id="history-scrubber"
          data-testid="scrubber"
          type="range"
          min={0}
          max={Math.max(0, last)}
          step={1}
          value={index}
          disabled={moments.length < 2}
          onChange={(event) => onIndex(Number(event.target.value))}
          aria-valuetext={current ? describe(current) : 'No changes'}
        />
        {markers.length > 0 ? (
          <ul className="scrubber-markers" aria-label="Named versions on the timeline">
            {markers.map((marker) => (
              <li key={marker.id} style={{ left: `${position(marker.index)}%` }}>
                <button
                  type="button"
                  className="version-flag"
                  onClick={() => onMarker(marker)}
                  title={marker.label}
                  data-testid="version-marker"
                >
                  <span aria-hidden="true">⚑</span>
                  <span className="visually-hidden">Named version: {marker.label}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="scrubber-ends muted small" aria-hidden="true">
        <span>{moments[0] ? shortMoment(moments[0].at) : ''}</span>
        <span>{moments[last] ? shortMoment(moments[last].at) : ''}</span>
      </div>
    </div>
  );
}
