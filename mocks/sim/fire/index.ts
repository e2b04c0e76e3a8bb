/** The fire model and what the engine and KPIs need from it. */
export { fireModel, applyFireEffects, FIRE_RULES, FIRE_DYNAMIC_DATASETS } from './fire-model';
export { planFires, TURNOUT_MS, type FirePlan, type FireIncident, type UnitTrip } from './dispatch';
export { backgroundFireEvents, fireSeverity, VERIFY_MS, FIRE_PLAN_WINDOW_MS } from './fire-events';
export { frontage } from './adjacent-roads';
export type { UnitStatus } from './unit-positions';
