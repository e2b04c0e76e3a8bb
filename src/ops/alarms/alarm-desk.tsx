/**
 * The alarm desk: the one place the page's alarms come from. It joins the source's alarm list
 * (query cache) with the operator's actions still in the outbox, so the list, the map and the
 * details panel all show the same alarm in the same state, and it takes new actions.
 */
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { DataAdapter, Fetched } from '../../data/adapter';
import type { Alarm, AlarmActionKind, AlarmList } from '../../data/alarm-schemas';
import { alarmsQuery, queryKeys, type ReadTime } from '../../data/queries';
import { useDisplayTime } from '../../ui/display-time';
import { newActionId } from './action-id';
import { withPending, type ViewedAlarm } from './optimistic';
import { createOutbox, type Outbox, type OutboxSnapshot, type PendingAction } from './outbox';

const NO_PENDING: readonly PendingAction[] = [];

export interface ActionDetails {
  readonly department?: string;
  readonly assignee?: string;
  readonly note?: string;
}

export interface AlarmDesk {
  /** Every alarm the source lists, with the operator's pending actions applied. */
  readonly alarms: readonly ViewedAlarm[];
  readonly byId: ReadonlyMap<string, ViewedAlarm>;
  readonly query: UseQueryResult<Fetched<AlarmList>>;
  readonly outbox: OutboxSnapshot;
  act(alarm: ViewedAlarm, action: AlarmActionKind, details?: ActionDetails): void;
  dismissNotice(id: string): void;
}

const AlarmDeskContext = createContext<AlarmDesk | null>(null);

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function useOutbox(adapter: DataAdapter): Outbox {
  const queryClient = useQueryClient();
  const [outbox] = useState(() =>
    createOutbox({
      adapter,
      storage: browserStorage(),
      onAlarm: (alarm: Alarm) => {
        queryClient.setQueryData<Fetched<AlarmList>>(queryKeys.alarms(adapter), (old) =>
          old
            ? {
                ...old,
                data: {
                  ...old.data,
                  alarms: old.data.alarms.map((a) => (a.id === alarm.id ? alarm : a)),
                },
              }
            : old,
        );
      },
    }),
  );
  useEffect(() => {
    outbox.start();
    return () => outbox.stop();
  }, [outbox]);
  return outbox;
}

export function AlarmDeskProvider({
  adapter,
  clockRate,
  at = null,
  children,
}: {
  adapter: DataAdapter;
  clockRate: number;
  /** A past time to list the alarms at (a replay); null, live. */
  at?: ReadTime;
  children: ReactNode;
}) {
  const query = useQuery({
    ...alarmsQuery(adapter, { clockRate, at }),
    enabled: adapter.capabilities.alarms,
  });
  const outbox = useOutbox(adapter);
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  const displayTime = useDisplayTime();

  // The operator's pending actions are about now: a replay shows the alarms as they were.
  const pending = at === null ? snapshot.pending : NO_PENDING;
  const alarms = useMemo(
    () => (query.data?.data.alarms ?? []).map((alarm) => withPending(alarm, pending)),
    [query.data, pending],
  );
  const byId = useMemo(() => new Map(alarms.map((alarm) => [alarm.id, alarm])), [alarms]);

  const act = useCallback(
    (alarm: ViewedAlarm, action: AlarmActionKind, details: ActionDetails = {}) => {
      outbox.enqueue(
        alarm.id,
        { actionId: newActionId(), action, expectedVersion: alarm.lifecycle.version, ...details },
        new Date(displayTime.at(Date.now())).toISOString(),
      );
    },
    [outbox, displayTime],
  );

  const desk = useMemo<AlarmDesk>(
    () => ({ alarms, byId, query, outbox: snapshot, act, dismissNotice: outbox.dismiss }),
    [alarms, byId, query, snapshot, act, outbox],
  );
  return <AlarmDeskContext.Provider value={desk}>{children}</AlarmDeskContext.Provider>;
}

export function useAlarmDesk(): AlarmDesk {
  const desk = useContext(AlarmDeskContext);
  if (!desk) throw new Error('useAlarmDesk outside an AlarmDeskProvider');
  return desk;
}

/** The alarms standing on one feature (for the details panel of a clicked feature). */
export function alarmsOnFeature(
  alarms: readonly ViewedAlarm[],
  datasetId: string,
  featureId: string,
): ViewedAlarm[] {
  return alarms.filter(
    (alarm) => alarm.datasetId === datasetId && alarm.featureIds.includes(featureId),
  );
}
