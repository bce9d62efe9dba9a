// The design the print bench prints: what the studio makes by default today.
export const BENCH_RECIPE = { prompt: 'yellow sunflowers on teal, half-drop', seed: 1234, scheduler: 'unipc', steps: 8, guidance: 3, guidanceMinT: 0.6, width: 64, height: 64, tileable: true } as const;
