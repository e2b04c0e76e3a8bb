/** The composition root: providers, the adapter from the runtime config, the domains. */
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { createHttpAdapter } from '../data/http-adapter';
import { configCatalogAdapter } from '../data/config-catalog-adapter';
import { withDatasetSources } from '../data/sources/with-dataset-sources';
import type { DomainModule } from '../map/layer-contract';
import { hasDemoControls, pageMode, type RuntimeConfig } from './config/runtime-config';
import { ConsoleMode } from './console/console-mode';
import { WallNotLoaded, WallWaiting } from './wall/wall-waiting';
import { createQueryClient } from './query-client';
import { registerDomainMessages } from './translators';
import { onDemand } from '../ui/on-demand';

/**
 * The wall screen only runs on unattended screens (`?mode=wall`, or `mode: wall` in the config):
 * a chunk of its own, so that an operator's console does not load it. The console is the default
 * and stays in the initial load: loading it on demand too would only add a round trip before the
 * first map.
 */
const WallMode = onDemand(
  () => import('./wall/wall-mode').then((module) => module.WallMode),
  (error, { config }) => <WallNotLoaded error={error} reloadAfterS={config.wall.watchdogS} />,
);

export interface AppProps {
  config: RuntimeConfig;
  apiBaseUrl: string;
  domains: readonly DomainModule[];
}

export function App({ config, apiBaseUrl, domains }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  const [adapter] = useState(() =>
    withDatasetSources(
      // A catalog in the config: a city with no REST contract backend, read from its sources.
      config.catalog
        ? configCatalogAdapter(config.catalog, Date.now)
        : createHttpAdapter({
            baseUrl: apiBaseUrl,
            timeoutMs: config.requestTimeoutMs,
            demoControls: hasDemoControls(config),
            liveStream: config.liveStream,
          }),
      config.sources,
      {
        fetch: (input, init) => globalThis.fetch(input, init),
        timeoutMs: config.requestTimeoutMs,
        now: Date.now,
      },
    ),
  );
  useState(() => registerDomainMessages(domains));
  const [mode] = useState(() => pageMode(config, window.location));
  return (
    <QueryClientProvider client={queryClient}>
      {mode === 'wall' ? (
        <Suspense fallback={<WallWaiting />}>
          <WallMode adapter={adapter} config={config} domains={domains} />
        </Suspense>
      ) : (
        <ConsoleMode adapter={adapter} config={config} domains={domains} />
      )}
    </QueryClientProvider>
  );
}
