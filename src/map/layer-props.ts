/**
 * deck.gl props that the layers of every domain share, so a render function lists only what is
 * its own: how the picked layer highlights on hover, and how text over features is set.
 */
import type { LayerProps } from '@deck.gl/core';
import type { TextLayerProps } from '@deck.gl/layers';
import { fonts, hoverColor } from '../ui/theme';
import type { RenderContext } from './layer-contract';

const HOVER_HIGHLIGHT = [...hoverColor];

/**
 * The deck layer a definition's features are picked on (the one whose id is the definition's):
 * picked with a hover highlight in the theme colour, at the panel's opacity and visibility.
 */
export function pickedLayerProps(
  context: RenderContext,
): Pick<LayerProps, 'pickable' | 'autoHighlight' | 'highlightColor' | 'opacity' | 'visible'> {
  return {
    pickable: true,
    autoHighlight: true,
    highlightColor: HOVER_HIGHLIGHT,
    opacity: context.opacity,
    visible: context.visible,
  };
}

/**
 * Text drawn at features (symbols inside discs, names, arrows): sized in pixels, in the map font,
 * never picked (the feature is picked on its main layer), at the panel's opacity and visibility.
 */
export function textLayerProps(
  context: RenderContext,
): Pick<TextLayerProps, 'sizeUnits' | 'fontFamily' | 'pickable' | 'opacity' | 'visible'> {
  return {
    sizeUnits: 'pixels',
    fontFamily: fonts.map,
    pickable: false,
    opacity: context.opacity,
    visible: context.visible,
  };
}
