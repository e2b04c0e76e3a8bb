/**
 * The fixed order in which domains are evaluated at one instant (docs/simulation.md): each reads
 * only the cross effects of the domains before it, so there is no cycle and the result does not
 * depend on which dataset was asked for first.
 */
import type { DomainModel } from '../types';

export const DOMAIN_ORDER = ['weather', 'pipes', 'public-spaces', 'fire', 'traffic'] as const;

export type DomainId = (typeof DOMAIN_ORDER)[number];

/** The models in domain order; an unknown or repeated domain is a wiring mistake, not a guess. */
export function orderModels(models: readonly DomainModel[]): readonly DomainModel[] {
  const rank = (model: DomainModel): number => {
    const index = (DOMAIN_ORDER as readonly string[]).indexOf(model.id);
    if (index < 0)
      throw new Error(`domain model "${model.id}" has no place in ${DOMAIN_ORDER.join(' → ')}`);
    return index;
  };
  const seen = new Set<string>();
  for (const model of models) {
    rank(model);
    if (seen.has(model.id)) throw new Error(`two domain models with the id "${model.id}"`);
    seen.add(model.id);
  }
  return [...models].sort((a, b) => rank(a) - rank(b));
}
