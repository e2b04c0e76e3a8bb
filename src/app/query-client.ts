import { defaultScheduler, notifyManager, QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from '../data/queries';
import { afterCameraMoves } from '../ui/camera-motion';

export function createQueryClient(): QueryClient {
  // What the cache tells the page (new data, a failure) waits while the operator moves the map.
  // The cache's notifications are scheduled page-wide: this is the same for every client.
  notifyManager.setScheduler((notify) => defaultScheduler(() => afterCameraMoves(notify)));
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // A wall screen and an operator's tab are watched, not focused: keep polling regardless.
        refetchIntervalInBackground: true,
        refetchOnWindowFocus: false,
        gcTime: 30 * 60_000,
      },
    },
  });
}
