/**
 * Live state of a dataset at a time: a pure function of (city, dataset, time). Time is quantised
 * to the dataset's cadence, so all requests within one step see the same values and the next
 * step sees new ones; `observedAt` is the start of the step.
 */
import type { LiveState } from '../../src/data/schemas';
import type { CityModel } from '../city/generate-city';
import { stateCadenceS, type LiveDatasetId } from '../datasets';
import { isoWithOffset, quantize } from './clock';
import type { StateColumns } from './columns';
import { fireStationState, hydrantState } from './fire-resources';
import { drainageState, gasState, pipeNodeState, waterState } from './pipes';
import { publicSpaceState } from './public-spaces';
import { trafficState } from './traffic';

type Simulation = (city: CityModel, timeMs: number, step: number) => StateColumns;

const SIMULATIONS: Readonly<Record<LiveDatasetId, Simulation>> = {
  'traffic.roads': trafficState,
  'pipes.water': waterState,
  'pipes.drainage': drainageState,
  'pipes.gas': gasState,
  'pipes.nodes': pipeNodeState,
  'fire.stations': fireStationState,
  'fire.hydrants': hydrantState,
  'public-spaces.spaces': publicSpaceState,
};

export function liveState(city: CityModel, datasetId: LiveDatasetId, timeMs: number): LiveState {
  const cadenceS = stateCadenceS(datasetId);
  const observedAt = quantize(timeMs, cadenceS);
  const { ids, columns } = SIMULATIONS[datasetId](city, observedAt, observedAt / (cadenceS * 1000));
  return { dataset: datasetId, observedAt: isoWithOffset(observedAt), cadenceS, ids, columns };
}
