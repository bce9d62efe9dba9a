// Everything the pattern engine draws with or reads names from, and under which licence: the
// attributions page lists these, and the licences' notices travel with the software.
import { COLOUR_NAMES_SOURCE } from './colours';
import { FONT_LICENCES } from './lettering';
import { MOTIF_SOURCE } from './motif-library';

export interface Attribution {
  what: string;
  source: string;
  licence: string;
  notice?: string;
}

export function patternAttributions(): Attribution[] {
  return [
    { what: `Motif artwork (${MOTIF_SOURCE.set})`, source: `npm ${MOTIF_SOURCE.package}`, licence: MOTIF_SOURCE.licence, notice: MOTIF_SOURCE.copyright },
    { what: 'Motif names in 14 languages', source: 'npm cldr-annotations-full (Unicode CLDR)', licence: 'Unicode-3.0', notice: 'Copyright © 2004-2026 Unicode, Inc.' },
    { what: 'English word list (typo correction leaves real words alone)', source: 'npm an-array-of-english-words', licence: 'MIT', notice: 'Copyright (c) 2014 Zeke Sikelianos' },
    { what: 'Colour names', source: `npm ${COLOUR_NAMES_SOURCE.package}`, licence: COLOUR_NAMES_SOURCE.licence, notice: 'Copyright (c) 2017 David Aerne' },
    ...FONT_LICENCES.map((f) => ({ what: `Lettering font ${f.font}`, source: `npm ${f.package}`, licence: f.licence, notice: f.copyright })),
    { what: 'Contour tracing and curves in print files', source: 'npm d3-contour, d3-shape', licence: 'ISC', notice: 'Copyright 2012-2023 Mike Bostock' },
  ];
}
