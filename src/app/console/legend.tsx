import { legendLabel, type LegendEntry, type Translate } from '../../map/layer-contract';
import { cssColor } from '../../ui/theme';

export function Legend({ entries, t }: { entries: readonly LegendEntry[]; t: Translate }) {
  return (
    <ul className="legend">
      {entries.map((entry) => (
        <li key={entry.labelKey} className="legend__entry">
          <span
            className={`legend__swatch legend__swatch--${entry.shape}`}
            style={{ color: cssColor(entry.color) }}
            aria-hidden="true"
          />
          <span>{legendLabel(entry, t)}</span>
        </li>
      ))}
    </ul>
  );
}
