/**
 * Start-up: load the runtime config, start the embedded demo backend when the config says so,
 * then render. Failures at any step are shown on the page, in the user's language.
 */
import { onlineManager } from '@tanstack/react-query';
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
      holdReadsWhileLeaving();
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

/**
 * The embedded backend's service worker stops answering a page once it fires `beforeunload`, and
 * the page's timers keep running until the next document arrives: a read started then would reach
 * the static server instead and fail (a 404 in the console on every reload). The query cache is
 * told it is offline while the page leaves, so no read starts; back online when the page comes
 * back from the back/forward cache (the app asks for no confirmation to leave, so leaving is
 * never called off).
 */
function holdReadsWhileLeaving(): void {
  window.addEventListener('beforeunload', () => onlineManager.setOnline(false));
  window.addEventListener('pageshow', () => onlineManager.setOnline(navigator.onLine));
}

void start();
