/** The composition root: providers, the adapter from the runtime config, the domains. */
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createHttpAdapter } from '../data/http-adapter';
import type { DomainModule } from '../map/layer-contract';
import { hasDemoControls, pageMode, type RuntimeConfig } from './config/runtime-config';
import { ConsoleMode } from './console/console-mode';
import { WallMode } from './wall/wall-mode';
import { createQueryClient } from './query-client';
import { registerDomainMessages } from './translators';

export interface AppProps {
  config: RuntimeConfig;
  apiBaseUrl: string;
  domains: readonly DomainModule[];
}

export function App({ config, apiBaseUrl, domains }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  const [adapter] = useState(() =>
    createHttpAdapter({
      baseUrl: apiBaseUrl,
      timeoutMs: config.requestTimeoutMs,
      demoControls: hasDemoControls(config),
    }),
  );
  useState(() => registerDomainMessages(domains));
  const [mode] = useState(() => pageMode(config, window.location));
  return (
    <QueryClientProvider client={queryClient}>
      {mode === 'wall' ? (
        <WallMode adapter={adapter} config={config} domains={domains} />
      ) : (
        <ConsoleMode adapter={adapter} config={config} domains={domains} />
      )}
    </QueryClientProvider>
  );
}
