/**
 * The time bar: live, or a cursor in the last 24 hours that the whole page follows. Dragging the
 * slider or stepping back an hour starts a replay; play moves the cursor at ×1 to ×600; a clear
 * REPLAY badge shows whenever the page is not live, and one click returns to live.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../map/layer-contract';
import { formatClock } from '../../ui/format-number';
import { useNow } from '../../ui/use-now';
import { clampCursor, historyStart, isReplaySpeed, REPLAY_SPEEDS } from './replay-time';
import { useReplayPlayer } from './use-replay-player';
import { useTimeStore } from './time-store';

const HOUR_MS = 3_600_000;
/** A slider being dragged asks for data once it rests this long, not at every pixel. */
const DRAG_SETTLE_MS = 250;

export interface TimeBarProps {
  /** The source's time at a wall-clock time (the demo clock, or the wall clock). */
  readonly sourceTime: (wallMs: number) => number;
  readonly language: Language;
  readonly timeZone?: string;
}

export function TimeBar({ sourceTime, language, timeZone }: TimeBarProps) {
  const { t } = useTranslation();
  const now = sourceTime(useNow());
  const cursor = useTimeStore((state) => state.cursor);
  const playing = useTimeStore((state) => state.playing);
  const speed = useTimeStore((state) => state.speed);
  const { replayAt, goLive, setPlaying, setSpeed } = useTimeStore.getState();
  useReplayPlayer(() => sourceTime(Date.now()));

  // The slider follows the drag at once; the page reads at the new time when the drag settles.
  const [dragged, setDragged] = useState<number | null>(null);
  useEffect(() => {
    if (dragged === null) return;
    const timer = window.setTimeout(() => {
      replayAt(clampCursor(dragged, sourceTime(Date.now())));
      setDragged(null);
    }, DRAG_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [dragged, replayAt, sourceTime]);

  const start = historyStart(now);
  const shown = dragged ?? cursor ?? now;
  const replay = cursor !== null;
  const step = (deltaMs: number) => replayAt(clampCursor((cursor ?? now) + deltaMs, now));
  const label = formatClock(shown, language, timeZone);

  return (
    <section
      className={`time-bar${replay ? ' time-bar--replay' : ''}`}
      aria-label={t('time.label')}
      data-testid="time-bar"
      data-mode={replay ? 'replay' : 'live'}
      data-cursor={cursor ?? ''}
    >
      {replay ? (
        <span
          className="time-bar__badge time-bar__badge--replay"
          data-testid="replay-indicator"
          role="status"
        >
          {t('time.replay')}
        </span>
      ) : (
        <span className="time-bar__badge time-bar__badge--live" data-testid="live-indicator">
          {t('time.live')}
        </span>
      )}
      <time
        className="time-bar__time"
        dateTime={new Date(shown).toISOString()}
        data-testid="time-cursor"
      >
        {label}
      </time>
      <button
        type="button"
        className="button"
        onClick={() => step(-HOUR_MS)}
        title={t('time.backHour')}
        data-testid="time-back-hour"
      >
        −1 h
      </button>
      <button
        type="button"
        className="button"
        onClick={() => setPlaying(!playing)}
        disabled={!replay}
        aria-pressed={playing}
        data-testid="time-play"
      >
        {playing ? t('time.pause') : t('time.play')}
      </button>
      <select
        className="select"
        aria-label={t('time.speed')}
        value={speed}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (isReplaySpeed(value)) setSpeed(value);
        }}
        data-testid="time-speed"
      >
        {REPLAY_SPEEDS.map((option) => (
          <option key={option} value={option}>
            ×{option}
          </option>
        ))}
      </select>
      <input
        type="range"
        className="time-bar__slider"
        min={start}
        max={now}
        step={60_000}
        value={Math.max(start, Math.min(now, shown))}
        onChange={(event) => setDragged(Number(event.target.value))}
        aria-label={t('time.cursor')}
        aria-valuetext={label}
        data-testid="time-slider"
      />
      <button
        type="button"
        className="button"
        onClick={() => step(HOUR_MS)}
        disabled={!replay}
        title={t('time.forwardHour')}
        data-testid="time-forward-hour"
      >
        +1 h
      </button>
      <button
        type="button"
        className={`button${replay ? ' button--primary' : ''}`}
        onClick={goLive}
        disabled={!replay}
        data-testid="time-live"
      >
        {t('time.goLive')}
      </button>
    </section>
  );
}
