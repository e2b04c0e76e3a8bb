/** The live reading each pipe network is judged by, and the resulting status of one pipe. */
import { stateValue, type StateTable } from '../../data/live-state';
import type { PropertyValue } from '../../data/feature-table';
import { asString } from '../../map/feature-text';
import type { StatusLevel } from '../../ui/theme';
import type { PipeNetwork } from './networks';
import { drainageStatus, gasPressureClass, gasStatus, waterStatus } from './thresholds';

/** State column holding each network's reading. */
export const PIPE_READING_COLUMN: Readonly<Record<PipeNetwork, string>> = {
  water: 'pressureKpa',
  drainage: 'fillRatio',
  gas: 'pressureKpa',
};

export function pipeReading(
  network: PipeNetwork,
  state: StateTable | null,
  index: number,
): number | null {
  return stateValue(state, PIPE_READING_COLUMN[network], index);
}

export function pipeStatus(
  network: PipeNetwork,
  pressureClass: PropertyValue | undefined,
  state: StateTable | null,
  index: number,
): StatusLevel {
  return pipeStatusOf(network, pressureClass, pipeReading(network, state, index));
}

/**
 * A pipe's status from its network's reading (null: no reading) and, for gas, its
 * `pressureClass` property.
 */
export function pipeStatusOf(
  network: PipeNetwork,
  pressureClass: PropertyValue | undefined,
  reading: number | null,
): StatusLevel {
  switch (network) {
    case 'water':
      return waterStatus(reading);
    case 'drainage':
      return drainageStatus(reading);
    case 'gas':
      return gasStatus(reading, gasPressureClass(asString(pressureClass)));
  }
}
