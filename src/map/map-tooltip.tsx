import type { FeatureDescription } from './layer-contract';
import { StatusText } from '../ui/status-text';

export interface MapTooltipProps {
  description: FeatureDescription;
  x: number;
  y: number;
}

/** Follows the pointer; plain text only (React escapes everything from data). */
export function MapTooltip({ description, x, y }: MapTooltipProps) {
  return (
    <div
      className="map-tooltip"
      role="tooltip"
      data-testid="map-tooltip"
      style={{ left: x + 14, top: y + 14 }}
    >
      <div className="map-tooltip__title">{description.title}</div>
      <div className="map-tooltip__value">
        <span className="map-tooltip__label">{description.primary.label}</span>{' '}
        <StatusText level={description.primary.level}>{description.primary.value}</StatusText>
      </div>
    </div>
  );
}
