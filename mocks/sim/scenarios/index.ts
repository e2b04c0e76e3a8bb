/** Every scenario a presenter can trigger (GET /scenarios), in the order they are listed. */
import type { ScenarioDefinition, ScenarioId } from '../types';
import { festivalCrowdScenario } from './festival-crowd';
import { highRiseFire } from './high-rise-fire';
import { rainstormScenario } from './rainstorm';
import { defineStormNight } from './storm-night';
import { waterMainBurstScenario } from './water-main-burst';

export const SCENARIOS: readonly ScenarioDefinition[] = [
  rainstormScenario,
  waterMainBurstScenario,
  highRiseFire,
  festivalCrowdScenario,
  defineStormNight({
    rainstorm: rainstormScenario,
    waterMainBurst: waterMainBurstScenario,
    highRiseFire,
  }),
];

export function scenarioById(id: string): ScenarioDefinition | undefined {
  return SCENARIOS.find((scenario) => scenario.id === (id as ScenarioId));
}
