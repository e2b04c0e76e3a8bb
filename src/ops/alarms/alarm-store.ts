/**
 * The alarm centre's UI state (zustand; the alarms themselves live in the query cache): the
 * filters, the alarm in focus, and which alarms the operator has seen. Filters and seen alarms
 * are remembered across reloads, so a reload neither resets the view nor re-flags every alarm.
 */
import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { LIFECYCLE_STEPS } from '../../data/alarm-schemas';

export interface AlarmFilters {
  readonly domain: string | null;
  readonly department: string | null;
  /** A lifecycle step, or 'active' (anything not yet resolved). */
  readonly step: string | null;
  readonly areaId: string | null;
  readonly severity: number | null;
}

export const NO_FILTERS: AlarmFilters = {
  domain: null,
  department: null,
  step: null,
  areaId: null,
  severity: null,
};

export interface AlarmUiState {
  filters: AlarmFilters;
  setFilter: <K extends keyof AlarmFilters>(key: K, value: AlarmFilters[K]) => void;
  clearFilters: () => void;
  focusedAlarmId: string | null;
  focusAlarm: (id: string | null) => void;
  /** Alarm ids the operator has seen (opened or marked seen), most recent last. */
  seen: readonly string[];
  markSeen: (ids: readonly string[]) => void;
}

/** Enough for days of alarms in a big city; the oldest drop off. */
const MAX_SEEN = 5000;

const storedSchema = z.object({
  filters: z.object({
    domain: z.string().max(64).nullable(),
    department: z.string().max(64).nullable(),
    step: z.enum([...LIFECYCLE_STEPS, 'active']).nullable(),
    areaId: z.string().max(128).nullable(),
    severity: z.number().int().min(1).max(3).nullable(),
  }),
  seen: z.array(z.string().max(128)).max(MAX_SEEN),
});

export const ALARM_UI_STORAGE_KEY = 'cityops.alarms';

export function createAlarmStore() {
  return create<AlarmUiState>()(
    persist(
      (set) => ({
        filters: NO_FILTERS,
        setFilter: (key, value) =>
          set((state) => ({ filters: { ...state.filters, [key]: value } })),
        clearFilters: () => set({ filters: NO_FILTERS }),
        focusedAlarmId: null,
        focusAlarm: (id) => set({ focusedAlarmId: id }),
        seen: [],
        markSeen: (ids) =>
          set((state) => {
            const fresh = ids.filter((id) => !state.seen.includes(id));
            return fresh.length === 0
              ? state
              : { seen: [...state.seen, ...fresh].slice(-MAX_SEEN) };
          }),
      }),
      {
        name: ALARM_UI_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => localStorage),
        partialize: (state) => ({ filters: state.filters, seen: state.seen }),
        // Whatever is stored is checked before it is used; anything else is dropped.
        merge: (persisted, current) => {
          const parsed = storedSchema.safeParse(persisted);
          return parsed.success ? { ...current, ...parsed.data } : current;
        },
      },
    ),
  );
}

export const useAlarmStore = createAlarmStore();
