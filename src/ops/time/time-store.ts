/**
 * The time cursor (UI state): live, or a past time that the whole page reads at, and the
 * replay's play state. Not remembered across reloads: a reloaded console is live unless its URL
 * says otherwise.
 */
import { create } from 'zustand';
import type { ReplaySpeed } from './replay-time';

export interface TimeState {
  /** Null: live. Otherwise the page shows the city as it was at this time (ms). */
  cursor: number | null;
  playing: boolean;
  speed: ReplaySpeed;
  /** Go to a past time (paused where it was playing stays playing). */
  replayAt: (cursor: number | null) => void;
  goLive: () => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: ReplaySpeed) => void;
}

export const useTimeStore = create<TimeState>()((set) => ({
  cursor: null,
  playing: false,
  speed: 60,
  replayAt: (cursor) => set(cursor === null ? { cursor, playing: false } : { cursor }),
  goLive: () => set({ cursor: null, playing: false }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
}));
