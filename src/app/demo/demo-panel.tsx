/**
 * Demo controls, shown only against a demo backend: the simulated clock (pause, ×N, back to live)
 * and the scenarios a presenter can start. Every control is a write through the adapter; the
 * panel shows the backend's answer, so several screens on one backend agree.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DataAdapter } from '../../data/adapter';
import { clockQuery, queryKeys, scenariosQuery } from '../../data/queries';
import type { ClockAction } from '../../data/schemas';
import { errorMessage } from '../../map/layer-sources';
import { currentLanguage } from '../../i18n';
import { formatClock } from '../../ui/format-number';
import { useDisplayNow } from '../../ui/display-time';

const SPEEDS = [1, 10, 60, 600] as const;

export function DemoPanel({
  adapter,
  timeZone,
}: {
  adapter: DataAdapter;
  timeZone: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const queryClient = useQueryClient();
  const clock = useQuery(clockQuery(adapter));
  const scenarios = useQuery(scenariosQuery(adapter));
  const now = useDisplayNow();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.all(adapter) });

  const control = useMutation({
    mutationFn: (action: ClockAction) => adapter.controlClock(action),
    onSuccess: refresh,
  });
  const trigger = useMutation({
    mutationFn: (scenarioId: string) => adapter.triggerScenario(scenarioId),
    onSuccess: refresh,
  });

  const state = clock.data?.data;
  const failure = control.error ?? trigger.error ?? clock.error;
  const activeRuns = scenarios.data?.data.runs.filter((run) => run.status !== 'finished') ?? [];

  return (
    <section className="demo-panel" aria-label={t('demo.label')} data-testid="demo-panel">
      <div className="demo-panel__clock">
        <span className="demo-panel__label">{t('demo.clock')}</span>
        <time
          className="demo-panel__time"
          data-testid="demo-clock-time"
          dateTime={new Date(now).toISOString()}
        >
          {formatClock(now, language, timeZone)}
        </time>
        {state ? (
          <span className="demo-panel__mode" data-testid="demo-clock-mode" data-mode={state.mode}>
            {t(`demo.mode.${state.mode}`, { speed: state.speed })}
          </span>
        ) : null}
        {state?.mode === 'paused' ? (
          <button
            type="button"
            className="button"
            onClick={() => control.mutate({ action: 'resume' })}
          >
            {t('demo.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => control.mutate({ action: 'pause' })}
          >
            {t('demo.pause')}
          </button>
        )}
        {SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            className={
              state?.mode === 'running' && state.speed === speed ? 'button is-active' : 'button'
            }
            aria-label={t('demo.speedLabel', { speed })}
            data-testid={`demo-speed-${speed}`}
            onClick={() => control.mutate({ action: 'speed', speed })}
          >
            {t('demo.speed', { speed })}
          </button>
        ))}
        <button
          type="button"
          className="button"
          disabled={state?.mode === 'live'}
          onClick={() => control.mutate({ action: 'live' })}
        >
          {t('demo.live')}
        </button>
      </div>
      <div className="demo-panel__scenarios">
        <span className="demo-panel__label">{t('demo.scenarios')}</span>
        {scenarios.data?.data.scenarios.map((scenario) => {
          const name = language === 'zh-CN' ? scenario.title.zh : scenario.title.en;
          const run = activeRuns.find((candidate) => candidate.scenarioId === scenario.id);
          return (
            <button
              key={scenario.id}
              type="button"
              className={run ? 'button is-active' : 'button'}
              title={language === 'zh-CN' ? scenario.description.zh : scenario.description.en}
              aria-label={t('demo.trigger', { name })}
              data-testid={`scenario-${scenario.id}`}
              data-status={run?.status ?? 'idle'}
              onClick={() => trigger.mutate(scenario.id)}
            >
              {name}
              {run
                ? ` · ${t(`demo.${run.status === 'scheduled' ? 'scheduled' : 'running'}`)}`
                : null}
            </button>
          );
        })}
      </div>
      {failure ? (
        <div className="demo-panel__error" role="alert">
          {t('demo.failed', { message: errorMessage(failure) })}
        </div>
      ) : null}
    </section>
  );
}
