// A reader of the Prometheus text exposition format (version 0.0.4), strict enough that a
// malformed answer fails: every sample belongs to a family declared by # TYPE, label values are
// quoted and escaped, values are numbers, histogram buckets are cumulative and end in +Inf.
export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Family = { name: string; type: string; help?: string; samples: Sample[] };

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"\s*(?:,|$)/y;

function parseValue(v: string): number {
  if (v === '+Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN') return NaN;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) throw new Error(`not a number: ${v}`);
  return Number(v);
}

function parseLabels(s: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s) return out;
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < s.length) {
    const start = LABEL.lastIndex;
    const m = LABEL.exec(s);
    if (!m || LABEL.lastIndex === start) throw new Error(`bad labels: {${s}}`);
    out[m[1]] = m[2].replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return out;
}

export function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const familyOf = (sample: string) => {
    if (families.has(sample)) return families.get(sample)!;
    for (const suffix of ['_bucket', '_sum', '_count']) {
      const base = sample.endsWith(suffix) ? sample.slice(0, -suffix.length) : null;
      const f = base ? families.get(base) : undefined;
      if (f && (f.type === 'histogram' || f.type === 'summary')) return f;
    }
    throw new Error(`sample ${sample} has no # TYPE`);
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$/.exec(line);
    if (meta) {
      const f = families.get(meta[2]) ?? { name: meta[2], type: 'untyped', samples: [] };
      if (meta[1] === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(meta[3])) throw new Error(`bad type: ${line}`);
        f.type = meta[3];
      } else f.help = meta[3];
      families.set(meta[2], f);
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`bad sample line: ${line}`);
    familyOf(m[1]).samples.push({ name: m[1], labels: parseLabels(m[2]), value: parseValue(m[3]) });
  }
  for (const f of families.values()) if (f.type === 'histogram') checkHistogram(f);
  return families;
}

function checkHistogram(f: Family) {
  const series = new Map<string, Sample[]>();
  for (const s of f.samples.filter((s) => s.name === `${f.name}_bucket`)) {
    const { le, ...rest } = s.labels;
    if (le === undefined) throw new Error(`${f.name}: bucket without le`);
    const key = JSON.stringify(rest);
    series.set(key, [...(series.get(key) ?? []), s]);
  }
  for (const [key, buckets] of series) {
    const les = buckets.map((b) => parseValue(b.labels.le));
    for (let i = 1; i < buckets.length; i++) {
      if (les[i] <= les[i - 1]) throw new Error(`${f.name}${key}: buckets out of order`);
      if (buckets[i].value < buckets[i - 1].value) throw new Error(`${f.name}${key}: buckets not cumulative`);
    }
    if (les.at(-1) !== Infinity) throw new Error(`${f.name}${key}: no +Inf bucket`);
    const count = f.samples.find((s) => s.name === `${f.name}_count` && JSON.stringify(s.labels) === key);
    if (!count || count.value !== buckets.at(-1)!.value) throw new Error(`${f.name}${key}: _count differs from the +Inf bucket`);
  }
}
