/**
 * The KPI bar: each domain's key figures at the time shown, in the area chosen, each with its
 * trend over the last hours; open alarms by severity. A click on a figure shows on the map the
 * features it counts and narrows the alarm list to its domain; a second click undoes it.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Translate } from '../../map/layer-contract';
import { Sparkline } from '../../ui/sparkline';
import { StatusText } from '../../ui/status-text';
import { statusColors } from '../../ui/theme';
import { severityName } from '../alarms/labels';
import { formatKpi } from './format-kpi';
import { TREND_HOURS } from './trend-times';
import type { KpiFigure } from './use-kpi-figures';

export interface AlarmFigure {
  /** Open alarms per severity (3, 2, 1) at the time shown, in the area chosen. */
  readonly bySeverity: Readonly<Record<1 | 2 | 3, number>>;
  readonly trend: {
    readonly times: readonly number[];
    readonly values: readonly (number | null)[];
  };
  /** The severity the alarm list is narrowed to. */
  readonly severityFilter: number | null;
}

export interface KpiBarProps {
  readonly figures: readonly KpiFigure[];
  readonly alarms: AlarmFigure | null;
  readonly activeKpiId: string | null;
  readonly language: Language;
  readonly translatorFor: (domain: string) => Translate;
  /** A click on a figure (none on a wall: its figures are shown, not pressed). */
  readonly onPick?: (figure: KpiFigure) => void;
  readonly onSeverity?: (severity: number) => void;
  /** The trend lines' size in pixels. */
  readonly sparkSize?: { readonly width: number; readonly height: number };
}

const DESK_SPARK = { width: 72, height: 28 };

/** Memoized: the console re-renders for many reasons that leave the figures as they were. */
export const KpiBar = memo(function KpiBar({
  figures,
  alarms,
  activeKpiId,
  language,
  translatorFor,
  onPick,
  onSeverity,
  sparkSize = DESK_SPARK,
}: KpiBarProps) {
  const { t } = useTranslation();
  const Tile = onPick ? 'button' : 'div';
  const Severity = onSeverity ? 'button' : 'span';
  return (
    <section className="kpi-bar" aria-label={t('kpi.label')} data-testid="kpi-bar">
      {figures.map((figure) => {
        const label = translatorFor(figure.kpi.domain)(figure.kpi.labelKey);
        const text = formatKpi(figure.value, figure.kpi.format, language, t);
        const first = figure.trend.values.find((value) => value !== null) ?? null;
        return (
          <Tile
            key={figure.kpi.id}
            {...(onPick
              ? {
                  type: 'button' as const,
                  'aria-pressed': activeKpiId === figure.kpi.id,
                  onClick: () => onPick(figure),
                  title: t('kpi.pick'),
                }
              : {})}
            className="kpi-tile"
            data-testid="kpi-tile"
            data-kpi={figure.kpi.id}
            data-value={figure.value ?? ''}
            data-level={figure.level}
          >
            <span className="kpi-tile__label" title={label}>
              {label}
            </span>
            <span className="kpi-tile__value">
              {figure.error ? (
                <span className="kpi-tile__error" title={figure.error}>
                  {t('kpi.error')}
                </span>
              ) : figure.loading ? (
                t('status.loading')
              ) : (
                <StatusText level={figure.level}>{text}</StatusText>
              )}
            </span>
            <Sparkline
              times={figure.trend.times}
              values={figure.trend.values}
              color={statusColors[figure.level === 'unknown' ? 'normal' : figure.level]}
              width={sparkSize.width}
              height={sparkSize.height}
              label={t('kpi.trend', {
                hours: TREND_HOURS,
                from: formatKpi(first, figure.kpi.format, language, t),
                to: text,
              })}
            />
          </Tile>
        );
      })}
      {alarms ? (
        <div className="kpi-tile kpi-tile--alarms" data-testid="kpi-alarms">
          <span className="kpi-tile__label">{t('kpi.openAlarms')}</span>
          <span className="kpi-tile__severities">
            {([3, 2, 1] as const).map((severity) => (
              <Severity
                key={severity}
                {...(onSeverity
                  ? {
                      type: 'button' as const,
                      'aria-pressed': alarms.severityFilter === severity,
                      onClick: () => onSeverity(severity),
                    }
                  : {})}
                className={`kpi-severity kpi-severity--${severity}`}
                data-testid={`kpi-alarms-${severity}`}
                data-count={alarms.bySeverity[severity]}
              >
                <strong>{alarms.bySeverity[severity]}</strong> {severityName(t, severity)}
              </Severity>
            ))}
          </span>
          <Sparkline
            times={alarms.trend.times}
            values={alarms.trend.values}
            color={statusColors.warning}
            width={sparkSize.width}
            height={sparkSize.height}
            label={t('kpi.trend', {
              hours: TREND_HOURS,
              from: String(alarms.trend.values.find((value) => value !== null) ?? '—'),
              to: String(alarms.bySeverity[1] + alarms.bySeverity[2] + alarms.bySeverity[3]),
            })}
          />
        </div>
      ) : null}
    </section>
  );
});
