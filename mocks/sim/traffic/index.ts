/** The traffic model and what the engine needs from it (road speeds for routing). */
export { trafficModel, trafficColumns } from './traffic-model';
export {
  segmentSpeeds,
  roadSpeedMap,
  applyTrafficEffects,
  MIN_MOVING_KMH,
  type TrafficState,
} from './speeds';
export { backgroundIncidents } from './background-incidents';
export { TRAFFIC_LOOKBACK_MS } from './incidents-at';
export { TRAFFIC_RULES } from './readings';
