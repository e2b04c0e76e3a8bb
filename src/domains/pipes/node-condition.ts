/**
 * Pumps, valves and manholes: what kind a node is and what its live state says. A closed valve
 * or a stopped pump is a warning (it changes how the network flows); a manhole has no live state.
 */
import { stateValue, type StateTable } from '../../data/live-state';
import type { Feature } from '../../data/schemas';
import { stringProperty } from '../../map/feature-text';
import type { StatusLevel } from '../../ui/theme';

export const NODE_KINDS = ['pump', 'valve', 'manhole'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export type NodeCondition = 'running' | 'stopped' | 'open' | 'closed' | 'noReading' | 'passive';

export function nodeKindOf(feature: Feature): NodeKind | null {
  const value = stringProperty(feature, 'nodeKind');
  return NODE_KINDS.find((kind) => kind === value) ?? null;
}

/**
 * `running` for pumps and `open` for valves: 1 yes, 0 no (any positive value counts as yes, so
 * a partly open valve is open). Nodes without live state (manholes, unknown kinds) are `passive`.
 */
export function nodeCondition(
  kind: NodeKind | null,
  running: number | null,
  open: number | null,
): NodeCondition {
  switch (kind) {
    case 'pump':
      if (running === null) return 'noReading';
      return running > 0 ? 'running' : 'stopped';
    case 'valve':
      if (open === null) return 'noReading';
      return open > 0 ? 'open' : 'closed';
    case 'manhole':
    case null:
      return 'passive';
  }
}

export function featureNodeCondition(
  feature: Feature,
  state: StateTable | null,
  index: number,
): NodeCondition {
  return nodeCondition(
    nodeKindOf(feature),
    stateValue(state, 'running', index),
    stateValue(state, 'open', index),
  );
}

/** Null for nodes that have no live state to judge. */
export function nodeConditionStatus(condition: NodeCondition): StatusLevel | null {
  switch (condition) {
    case 'running':
    case 'open':
      return 'normal';
    case 'stopped':
    case 'closed':
      return 'warning';
    case 'noReading':
      return 'unknown';
    case 'passive':
      return null;
  }
}
