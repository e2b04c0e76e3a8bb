/**
 * The alarm centre: every alarm the source lists, most urgent first, filterable by domain,
 * department, lifecycle step, area and severity, with the open count per severity. Alarms the
 * operator has not yet seen are flagged until opened (or all marked seen). Actions still on
 * their way to the source are marked as such; refused ones say why.
 */
import { useCallback, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STEPS } from '../../data/alarm-schemas';
import type { Language } from '../../map/layer-contract';
import { useDisplayNow } from '../../ui/display-time';
import { ageStep } from '../../ui/format-age';
import { SourceStatusLine } from '../../map/source-status-line';
import { useAlarmDesk } from './alarm-desk';
import { alarmSourceStatus } from './alarm-source-status';
import { filterAlarms, isActive, severityCounts, type InArea } from './alarm-list';
import { useAlarmStore, type AlarmFilters } from './alarm-store';
import { AlarmRow } from './alarm-row';
import { departmentName, severityName, stepName } from './labels';
import type { ViewedAlarm } from './optimistic';
import { OutboxNotices } from './outbox-notices';
import { isOverdue, type SlaMinutes } from './sla';

export interface NamedOption {
  readonly id: string;
  readonly name: string;
}

export interface AlarmCentreProps {
  readonly domains: readonly NamedOption[];
  /** Names of the areas alarms name (their district). */
  readonly areas: readonly NamedOption[];
  /** Whether an alarm stands in an area of any level (the area filter is set by drilling down). */
  readonly inArea: InArea;
  readonly departments: readonly string[];
  readonly language: Language;
  readonly sla: SlaMinutes;
  /** The operator opens an alarm: fly to it, highlight it, show its details. */
  readonly onOpen: (alarm: ViewedAlarm) => void;
}

const SEVERITIES = [3, 2, 1] as const;

export function AlarmCentre({
  domains,
  areas,
  inArea,
  departments,
  language,
  sla,
  onOpen,
}: AlarmCentreProps) {
  const { t } = useTranslation();
  const desk = useAlarmDesk();
  const filters = useAlarmStore((state) => state.filters);
  const setFilter = useAlarmStore((state) => state.setFilter);
  const clearFilters = useAlarmStore((state) => state.clearFilters);
  const seen = useAlarmStore((state) => state.seen);
  const markSeen = useAlarmStore((state) => state.markSeen);
  const focusedAlarmId = useAlarmStore((state) => state.focusedAlarmId);
  const now = useDisplayNow();

  const shown = filterAlarms(desk.alarms, filters, inArea);
  const counts = severityCounts(desk.alarms, filters, inArea);
  const seenSet = new Set(seen);
  const areaNames = new Map(areas.map((area) => [area.id, area.name]));
  const filtered = Object.values(filters).some((value) => value !== null);
  const { query } = desk;

  // The rows are memoised: they get one callback for good, which calls the latest `onOpen`.
  const latestOnOpen = useRef(onOpen);
  useLayoutEffect(() => {
    latestOnOpen.current = onOpen;
  });
  const openAlarm = useCallback(
    (alarm: ViewedAlarm) => {
      markSeen([alarm.id]);
      latestOnOpen.current(alarm);
    },
    [markSeen],
  );

  const select = <K extends keyof AlarmFilters>(key: K, value: string) =>
    setFilter(
      key,
      (value === '' ? null : key === 'severity' ? Number(value) : value) as AlarmFilters[K],
    );

  return (
    <section
      className="panel alarm-centre"
      aria-label={t('alarms.region')}
      data-testid="alarm-centre"
    >
      <header className="alarm-centre__header">
        <h2 className="panel__title">{t('alarms.title')}</h2>
        <div className="alarm-centre__counts" role="group" aria-label={t('alarms.filters')}>
          {SEVERITIES.map((severity) => (
            <button
              key={severity}
              type="button"
              className={`severity-chip severity-chip--${severity}`}
              aria-pressed={filters.severity === severity}
              title={t('alarms.severityFilter', {
                severity: severityName(t, severity),
                count: counts[severity],
              })}
              onClick={() => setFilter('severity', filters.severity === severity ? null : severity)}
              data-testid={`alarm-count-${severity}`}
            >
              {severityName(t, severity)} <strong>{counts[severity]}</strong>
            </button>
          ))}
        </div>
      </header>

      <div className="alarm-centre__filters">
        <FilterSelect
          label={t('alarms.allDomains')}
          value={filters.domain}
          onChange={(v) => select('domain', v)}
          testId="alarm-filter-domain"
        >
          {domains.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {domain.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('alarms.allDepartments')}
          value={filters.department}
          onChange={(v) => select('department', v)}
          testId="alarm-filter-department"
        >
          {departments.map((department) => (
            <option key={department} value={department}>
              {departmentName(t, department)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('alarms.allSteps')}
          value={filters.step}
          onChange={(v) => select('step', v)}
          testId="alarm-filter-step"
        >
          <option value="active">{t('alarms.activeSteps')}</option>
          {LIFECYCLE_STEPS.map((step) => (
            <option key={step} value={step}>
              {stepName(t, step)}
            </option>
          ))}
        </FilterSelect>
        <div className="alarm-centre__tools">
          {filtered ? (
            <button type="button" className="link-button" onClick={clearFilters}>
              {t('alarms.clearFilters')}
            </button>
          ) : null}
          <button
            type="button"
            className="link-button"
            onClick={() => markSeen(desk.alarms.map((alarm) => alarm.id))}
          >
            {t('alarms.markAllSeen')}
          </button>
        </div>
      </div>

      <OutboxNotices />

      <SourceStatusLine
        status={alarmSourceStatus(query)}
        visible
        counts={null}
        testId="alarm-centre-status"
      />

      {query.data && query.data.data.unreadable > 0 ? (
        <p className="alarm-centre__error" role="alert" data-testid="alarm-centre-unreadable">
          {t('alarms.unreadable', {
            count: query.data.data.unreadable,
            problem: query.data.data.firstProblem ?? '',
          })}
        </p>
      ) : null}

      {shown.length === 0 ? (
        <p className="alarm-centre__empty">
          {query.isPending
            ? t('status.loading')
            : t(desk.alarms.length === 0 ? 'alarms.none' : 'alarms.empty')}
        </p>
      ) : (
        <ul className="alarm-list" data-testid="alarm-list">
          {shown.map((alarm) => {
            const raisedAt = Date.parse(alarm.raisedAt);
            const age = ageStep(now - raisedAt);
            return (
              <AlarmRow
                key={alarm.id}
                alarm={alarm}
                language={language}
                areaName={alarm.areaId ? (areaNames.get(alarm.areaId) ?? alarm.areaId) : null}
                ageUnit={age.unit}
                ageCount={age.count}
                unseen={!seenSet.has(alarm.id) && alarm.status === 'open'}
                overdue={
                  isActive(alarm) &&
                  alarm.status === 'open' &&
                  isOverdue(sla, alarm.lifecycle.department ?? alarm.department, raisedAt, now)
                }
                focused={focusedAlarmId === alarm.id}
                onOpen={openAlarm}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  testId,
  children,
}: {
  label: string;
  value: string | number | null;
  onChange: (value: string) => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <select
      className="select"
      aria-label={label}
      value={value === null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
    >
      <option value="">{label}</option>
      {children}
    </select>
  );
}
