/**
 * A water main bursts: pressure collapses downstream and the street above floods. Twelve
 * minutes later the utility starts closing the valves that isolate the main (one every two
 * minutes); once the last one is shut the section is out of service, pressure elsewhere
 * recovers and the street drains. At +90 minutes the repair is done and the valves reopen.
 */
import { isolatingValves, pickBurstMain } from '../pipes/isolation';
import type { ScenarioDefinition, SimEvent } from '../types';

const MINUTE_MS = 60_000;
const FIRST_VALVE_MIN = 12;
const VALVE_INTERVAL_MIN = 2;
const REPAIRED_MIN = 90;

export const waterMainBurstScenario: ScenarioDefinition = {
  id: 'water-main-burst',
  title: { zh: '供水主管爆管', en: 'Water main burst' },
  description: {
    zh: '供水主管爆裂：下游水压骤降，路面积水，交通受阻；约12分钟后关阀隔离，维修后约90分钟恢复供水。',
    en: 'A water main bursts: pressure drops downstream and the street floods; the valves are closed after about 12 minutes and supply returns after the repair at about 90 minutes.',
  },
  durationMs: 150 * MINUTE_MS,
  expand(city, startMs, runId): SimEvent[] {
    const main = pickBurstMain(city, runId);
    const repairedMs = startMs + REPAIRED_MIN * MINUTE_MS;
    const events: SimEvent[] = [
      {
        id: `${runId}:burst`,
        kind: 'water-burst',
        target: main,
        startMs,
        endMs: repairedMs,
        magnitude: 1,
        source: 'scenario',
        scenarioRunId: runId,
      },
    ];
    isolatingValves(city, main).forEach((valve, k) => {
      events.push({
        id: `${runId}:close:${valve}`,
        kind: 'valve-close',
        target: valve,
        startMs: startMs + (FIRST_VALVE_MIN + k * VALVE_INTERVAL_MIN) * MINUTE_MS,
        // Reopened once the repair is done.
        endMs: repairedMs,
        magnitude: 1,
        source: 'scenario',
        scenarioRunId: runId,
      });
    });
    return events;
  },
};
