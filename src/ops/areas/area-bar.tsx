/**
 * Drilling down the areas: city → district → sub-district → grid cell, one choice per level.
 * Choosing an area filters the alarm list and the figures to it and fits the map to it; choosing
 * nothing at a level goes back up to the level above. The areas below can be shaded by a figure.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../map/layer-contract';
import { localizedName } from '../alarms/labels';
import type { AreaNode, AreaTree } from './area-tree';

export interface AreaBarProps {
  readonly tree: AreaTree;
  readonly cityName: string;
  readonly selectedId: string | null;
  readonly language: Language;
  readonly onChoose: (area: AreaNode | null) => void;
  /** What the areas below the chosen one are shaded by ('' for nothing). */
  readonly shading: string;
  readonly shadingOptions: readonly { readonly id: string; readonly label: string }[];
  readonly onShading: (id: string) => void;
}

export function AreaBar({
  tree,
  cityName,
  selectedId,
  language,
  onChoose,
  shading,
  shadingOptions,
  onShading,
}: AreaBarProps) {
  const { t } = useTranslation();
  const path = tree.path(selectedId);
  // One select per level: the top areas, then the children of each area on the path.
  const levels = [null, ...path.map((node) => node.id)]
    .map((parentId, depth) => ({ parentId, options: tree.children(parentId), chosen: path[depth] ?? null }))
    .filter((level) => level.options.length > 0);
  return (
    <nav className="area-bar" aria-label={t('areas.label')} data-testid="area-bar">
      <button type="button" className="link-button area-bar__city" onClick={() => onChoose(null)} data-testid="area-city">
        {cityName}
      </button>
      {levels.map(({ parentId, options, chosen }, depth) => (
        <span key={parentId ?? 'top'} className="area-bar__level">
          <span aria-hidden="true">▸</span>
          <select
            className="select"
            aria-label={t(`areas.level.${options[0]!.level}`)}
            value={chosen?.id ?? ''}
            onChange={(event) => {
              const id = event.target.value;
              onChoose(id ? (tree.byId.get(id) ?? null) : depth === 0 ? null : (path[depth - 1] ?? null));
            }}
            data-testid={`area-select-${options[0]!.level}`}
          >
            <option value="">{t(`areas.all.${options[0]!.level}`)}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {localizedName(option.name, language)}
              </option>
            ))}
          </select>
        </span>
      ))}
      <select
        className="select area-bar__shading"
        aria-label={t('areas.shading')}
        value={shading}
        onChange={(event) => onShading(event.target.value)}
        data-testid="area-shading"
      >
        <option value="">{t('areas.noShading')}</option>
        {shadingOptions.map((option) => (
          <option key={option.id} value={option.id}>
            {t('areas.shadeBy', { figure: option.label })}
          </option>
        ))}
      </select>
    </nav>
  );
}
