export { pipesModel, PIPE_DATASETS } from './pipes-model';
export { isolatingValves, pickBurstMain } from './isolation';
export { floodedCapacity } from './street-water';
export { streetElevation } from './street-elevation';
export { waterDemand } from './water';
export { BURST_LINGER_MS } from './burst';
export { MAX_BACKGROUND_FAULT_MS } from './background';
export { PIPE_RULES } from './readings';
