/** The domain models of the demo city (docs/simulation.md), handed to the engine as a value. */
import { fireModel } from '../fire';
import { pipesModel } from '../pipes';
import { publicSpacesModel } from '../public-spaces';
import { trafficModel } from '../traffic';
import type { DomainModel } from '../types';
import { weatherModel } from '../weather';

export const DOMAIN_MODELS: readonly DomainModel[] = [
  weatherModel,
  pipesModel,
  publicSpacesModel,
  fireModel,
  trafficModel,
];
