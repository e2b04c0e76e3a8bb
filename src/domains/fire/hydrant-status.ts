/** A hydrant's service state: `inService` is 1 in service, 0 out of service. */
import type { StatusLevel } from '../../ui/theme';

export type HydrantService = 'inService' | 'outOfService' | 'noReading';

export function hydrantService(inService: number | null): HydrantService {
  if (inService === null || !Number.isFinite(inService)) return 'noReading';
  return inService > 0 ? 'inService' : 'outOfService';
}

export const HYDRANT_SERVICE_STATUS: Readonly<Record<HydrantService, StatusLevel>> = {
  inService: 'normal',
  outOfService: 'warning',
  noReading: 'unknown',
};
