/**
 * The domains this build shows, in layer-panel order. Adding a domain: one folder under
 * src/domains/ exporting a DomainModule, and one line here.
 */
import type { DomainModule } from '../map/layer-contract';
import { trafficDomain } from '../domains/traffic';
import { pipesDomain } from '../domains/pipes';
import { fireDomain } from '../domains/fire';
import { publicSpacesDomain } from '../domains/public-spaces';

export const DOMAINS: readonly DomainModule[] = [trafficDomain, pipesDomain, fireDomain, publicSpacesDomain];
