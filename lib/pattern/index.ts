export { understandPrompt, LAYOUTS, type PatternIntent, type Layout, type Density, type Scale } from './understand';
export { specFor, motifMainColour, PATTERN_ENGINE } from './design';
export { composeTile, placements, type PatternSpec, type Placement } from './compose';
export { renderPatternPng } from './render';
export { motifLibrary, motifById, motifSvg, MOTIF_SOURCE, MOTIF_LANGUAGES, type Motif } from './motif-library';
export { findIpTerms } from './ip-terms';
export { TILE, type Hex, type NamedColour, type FontDef, type TextureDef } from './types';
export { patternSpecSchema } from './spec-schema';
export { motifAlternatives, colourAlternatives, colourPicker, nearestColourName, type MotifAlternative, type ColourChoice, type ShadeKind } from './alternatives';
