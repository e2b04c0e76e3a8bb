/**
 * Start-up: load the runtime config, start the embedded demo backend when the config says so,
 * then render. Failures at any step are shown on the page, in the user's language.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { absoluteApiBaseUrl, loadRuntimeConfig } from './app/config/runtime-config';
import { DOMAINS } from './app/domains';
import { StartupError } from './app/startup-error';
import { initI18n } from './i18n';
import './ui/styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  await initI18n();
  try {
    const config = await loadRuntimeConfig(window.location);
    const apiBaseUrl = absoluteApiBaseUrl(config, window.location);
    if (config.mock.enabled) {
      const { startMockWorker } = await import('../mocks/browser');
      await startMockWorker({
        apiBaseUrl,
        seed: config.mock.seed,
        scale: config.mock.scale,
        faults: new URLSearchParams(window.location.search).get('mockFaults') ?? undefined,
      });
    }
    root.render(
      <StrictMode>
        <App config={config} apiBaseUrl={apiBaseUrl} domains={DOMAINS} />
      </StrictMode>,
    );
  } catch (error) {
    console.error(error);
    root.render(<StartupError error={error} />);
  }
}

void start();
