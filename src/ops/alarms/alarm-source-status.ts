/** The alarm list as a source: loading, live with its age, or failing (last list kept). */
import type { UseQueryResult } from '@tanstack/react-query';
import type { Fetched } from '../../data/adapter';
import type { AlarmList } from '../../data/alarm-schemas';
import { errorMessage, type LayerStatus } from '../../map/layer-sources';

export function alarmSourceStatus(
  query: Pick<
    UseQueryResult<Fetched<AlarmList>>,
    'data' | 'error' | 'isError' | 'failureCount' | 'isPending'
  >,
): LayerStatus {
  const failing = query.error !== null && (query.isError || query.failureCount > 0);
  const data = query.data?.data;
  return {
    phase: failing ? 'error' : query.isPending ? 'loading' : 'live',
    observedAt: data ? Date.parse(data.observedAt) : null,
    cadenceS: data?.cadenceS ?? null,
    error: failing ? errorMessage(query.error) : null,
  };
}
