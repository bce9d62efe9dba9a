// The designs the print bench prints: a diffusion recipe as the model makes it, and a prompt the
// pattern engine draws.
export const BENCH_RECIPE = { prompt: 'yellow sunflowers on teal, half-drop', seed: 1234, scheduler: 'unipc', steps: 8, guidance: 3, guidanceMinT: 0.6, width: 64, height: 64, tileable: true } as const;
export const BENCH_PATTERN_PROMPT = 'yellow sunflowers on teal, half-drop';
