import { QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from '../data/queries';

export function createQueryClient(): QueryClient {
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
