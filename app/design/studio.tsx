'use client';

// The studio: prompt box with autocomplete (ARIA combobox), streamed progress (NDJSON from
// POST /api/generate), four candidates that sharpen step by step, "more like this", pick one.
// What the pattern engine understood shows as pictures, and each motif and colour swaps in one
// click: the same prompt and seed are sent again with the swap, so only that thing changes.
// A design reopened from "My designs" starts as the one chosen candidate; choosing a design (or
// saving it) keeps it in "My designs".
import Link from 'next/link';
import { isProductSlug } from '@/lib/design/limits';
import { SeeOnModel } from '@/app/_components/see-on-model';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

type RoleWord = { word: string; text: string } | null;
type Parsed = Record<'motif' | 'motif_color' | 'background' | 'layout' | 'scale', RoleWord>;

interface Cand {
  index: number;
  preview?: string; // data URL while sampling
  designId?: string;
  url?: string;
  seed?: number;
  variationSeed?: number;
}

/** What the pattern engine read from the prompt (when it draws the designs). */
interface Understood {
  motifs: { id: string; name: string; words: string; corrected: string | null; colour: { name: string; hex: string } | null }[];
  background: { name: string; hex: string } | null;
  palette: string[];
  texture: string | null;
  text: { content: string; font: string } | null;
  layout: string;
  excluded: string[];
  ignoredWords: string[];
}

interface ColourChoice {
  name: string;
  hex: string;
}

type ColourRole = 'motif' | 'background' | 'palette' | 'text';

interface ColourSlot {
  role: ColourRole;
  index?: number;
  label: string;
  current: (ColourChoice & { named: boolean }) | null;
  alternatives: (ColourChoice & { kind: 'lighter' | 'darker' | 'muted' })[];
}

/** One-click alternatives the server offers for what it understood (lib/generation/swap.ts). */
interface Choices {
  motifs: { index: number; id: string; name: string; alternatives: { id: string; name: string }[] }[];
  colours: ColourSlot[];
  picker: ColourChoice[];
  font: { id: string; family: string; style: string; sample: string } | null;
}

/** The shopper's own words and the swaps made on them since. */
interface SwapState {
  prompt: string;
  seed: number;
  motifs: { from: string; to: string }[];
  colours: { role: ColourRole; index?: number; to: string }[];
}

type StreamEvent =
  | { type: 'start'; count: number; steps: number; seed: number; parsed: Parsed | null; understood: Understood | null; choices?: Choices | null; prompt?: string; swaps?: { from: string; to: string }[]; ignoredWords: string[]; model: { id: string; standin?: boolean } }
  | { type: 'step'; step: number; total: number; previews: string[] }
  | { type: 'candidate'; index: number; designId: string; url: string; seed: number; variationSeed?: number }
  | { type: 'done'; designIds: string[] }
  | { type: 'error'; message: string; code: string };

const ROLE_LABELS: [keyof Parsed, string][] = [
  ['motif', 'Motif'],
  ['motif_color', 'Motif colour'],
  ['background', 'Background'],
  ['layout', 'Layout'],
  ['scale', 'Scale'],
];

const EXAMPLES = ['small red hearts on navy, half-drop', 'large sunflowers on cream', 'cats on pink, scattered', 'teal waves on white'];

async function* readNdjson(res: Response): AsyncGenerator<StreamEvent> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buf += dec.decode(value, { stream: true });
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line) yield JSON.parse(line) as StreamEvent;
    }
    if (done) break;
  }
}

/** A design reopened from "My designs" or a share link. */
export interface ReopenedDesign {
  id: string;
  prompt: string;
}

export function Studio({ productSlug, productName, initialPrompt, initialDesign = null }: { productSlug: string | null; productName: string | null; initialPrompt: string; initialDesign?: ReopenedDesign | null }) {
  const router = useRouter();
  const ids = useId();
  const inputId = `${ids}-prompt`;
  const listId = `${ids}-suggestions`;
  const hintId = `${ids}-hint`;
  const [prompt, setPrompt] = useState(initialDesign?.prompt ?? initialPrompt);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ step: number; total: number } | null>(null);
  const [cands, setCands] = useState<Cand[]>(initialDesign ? [{ index: 0, designId: initialDesign.id, url: `/r/${initialDesign.id}.png` }] : []);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [understood, setUnderstood] = useState<Understood | null>(null);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [swaps, setSwaps] = useState<{ from: string; to: string }[]>([]);
  // The shopper's words and the swaps the shown designs carry; a swap under way waits in pending.
  const swapRef = useRef<SwapState | null>(null);
  const pendingRef = useRef<SwapState | null>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(initialDesign?.id ?? null);
  const tryOnProduct = productSlug && isProductSlug(productSlug) ? productSlug : 'hoodie';
  const [saved, setSaved] = useState<{ id: string; ok: boolean; message: string } | null>(null);
  const [status, setStatus] = useState('');
  const [lastPrompt, setLastPrompt] = useState(initialDesign?.prompt ?? '');
  const abortRef = useRef<AbortController | null>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  // autocomplete (debounced)
  useEffect(() => {
    const ctl = new AbortController();
    const t = setTimeout(async () => {
      try {
        const res = await fetch(`/api/generate/suggest?q=${encodeURIComponent(prompt)}`, { signal: ctl.signal });
        if (res.ok) setSuggestions(((await res.json()) as { suggestions: string[] }).suggestions.slice(0, 8));
      } catch {
        /* aborted or offline: keep the old list */
      }
    }, 120);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [prompt]);

  const run = useCallback(async (url: string, body: unknown, label: string) => {
    abortRef.current?.abort();
    const ctl = new AbortController();
    abortRef.current = ctl;
    setBusy(true);
    setError(null);
    setSelected(null);
    setCands(Array.from({ length: 4 }, (_, i) => ({ index: i })));
    setProgress({ step: 0, total: 0 });
    setStatus(`Generating ${label}…`);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: ctl.signal });
      if (!res.ok || !res.body) {
        const j = await res.json().catch(() => null);
        throw new Error(j?.error?.message ?? `The studio answered ${res.status}. Please try again.`);
      }
      for await (const ev of readNdjson(res)) {
        if (ev.type === 'start') {
          setParsed(ev.parsed);
          setUnderstood(ev.understood);
          setChoices(ev.choices ?? null);
          setSwaps(ev.swaps ?? []);
          if (pendingRef.current) swapRef.current = { ...pendingRef.current, seed: ev.seed };
          pendingRef.current = null;
          if (ev.prompt) {
            setPrompt(ev.prompt); // the words the designs now carry: "limes on teal"
            setLastPrompt(ev.prompt);
          }
          setIgnored(ev.ignoredWords);
          setProgress({ step: 0, total: ev.steps });
        } else if (ev.type === 'step') {
          setProgress({ step: ev.step, total: ev.total });
          setCands((cs) => cs.map((c, i) => (c.designId ? c : { ...c, preview: ev.previews[i] })));
        } else if (ev.type === 'candidate') {
          setCands((cs) => cs.map((c) => (c.index === ev.index ? { ...c, designId: ev.designId, url: ev.url, seed: ev.seed, variationSeed: ev.variationSeed } : c)));
        } else if (ev.type === 'done') {
          setStatus('Four designs are ready. Choose one.');
          resultsRef.current?.focus();
        } else if (ev.type === 'error') {
          throw new Error(ev.message);
        }
      }
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      pendingRef.current = null; // a refused swap leaves the shown designs' swaps as they were
      setError((err as Error).message);
      setCands([]);
      setStatus('');
    } finally {
      if (abortRef.current === ctl) {
        setBusy(false);
        setProgress(null);
      }
    }
  }, []);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const p = prompt.trim();
    if (!p) {
      setError('Please type a prompt, for example “red hearts on navy”.');
      return;
    }
    setOpen(false);
    setLastPrompt(p);
    pendingRef.current = { prompt: p, seed: 0, motifs: [], colours: [] };
    void run('/api/generate', { prompt: p, product: productSlug ?? undefined }, `four designs for “${p}”`);
  };

  /** Regenerates the shown designs with one more swap: same words, same seed. */
  const swapTo = (next: SwapState, label: string) => {
    pendingRef.current = next;
    const swap = { motifs: next.motifs, colours: next.colours };
    void run('/api/generate', { prompt: next.prompt, seed: next.seed, product: productSlug ?? undefined, ...(next.motifs.length || next.colours.length ? { swap } : {}) }, label);
  };

  const swapMotif = (current: string, to: { id: string; name: string }) => {
    const base = swapRef.current;
    if (!base) return;
    // A motif swapped before keeps its first id as `from`: lemon → lime → tangerine is lemon → tangerine.
    const earlier = base.motifs.find((m) => m.to === current);
    const from = earlier?.from ?? current;
    const motifs = [...base.motifs.filter((m) => m !== earlier), ...(from === to.id ? [] : [{ from, to: to.id }])];
    swapTo({ ...base, motifs }, `four designs with ${to.name}`);
  };

  const swapColour = (slot: ColourSlot, to: ColourChoice) => {
    const base = swapRef.current;
    if (!base) return;
    const colours = [...base.colours.filter((c) => !(c.role === slot.role && c.index === slot.index)), { role: slot.role, ...(slot.index !== undefined ? { index: slot.index } : {}), to: to.name }];
    swapTo({ ...base, colours }, `four designs with ${slot.label.toLowerCase()} ${to.name}`);
  };

  const undoSwaps = () => {
    const base = swapRef.current;
    if (base) swapTo({ ...base, motifs: [], colours: [] }, `four designs for “${base.prompt}”`);
  };

  const choose = (s: string) => {
    setPrompt(s);
    setOpen(false);
    setActive(-1);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && suggestions.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && suggestions.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      choose(suggestions[active]);
    } else if (e.key === 'Tab' && open && active >= 0) {
      choose(suggestions[active]);
    }
  };

  /** Keeps the design in "My designs" (a guest's first save starts their session). */
  const saveDesign = async (designId: string): Promise<boolean> => {
    try {
      const res = await fetch('/api/my-designs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ designId, ...(productSlug ? { product: productSlug } : {}) }) });
      if (!res.ok) {
        const j = await res.json().catch(() => null);
        setSaved({ id: designId, ok: false, message: j?.error?.message ?? `Saving failed (${res.status}). Please try again.` });
        return false;
      }
      setSaved({ id: designId, ok: true, message: 'Saved to My designs.' });
      return true;
    } catch {
      setSaved({ id: designId, ok: false, message: 'Saving failed: check your connection and try again.' });
      return false;
    }
  };

  const goToProduct = async () => {
    if (!selected) return;
    await saveDesign(selected); // the product page works without it: a failed save does not block
    router.push(productSlug ? `/products/${encodeURIComponent(productSlug)}?design=${selected}` : `/products?design=${selected}`);
  };

  const showList = open && suggestions.length > 0;
  const done = cands.length > 0 && cands.every((c) => c.designId);

  return (
    <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <section aria-labelledby={`${ids}-form-title`} className="min-w-0">
        <h2 id={`${ids}-form-title`} className="sr-only">
          Prompt
        </h2>
        <form onSubmit={submit} className="card p-4 sm:p-6" noValidate>
          <label htmlFor={inputId} className="label">
            Describe your pattern
          </label>
          <div className="relative flex flex-col gap-3 sm:flex-row">
            <div className="relative grow">
              <input
                id={inputId}
                name="prompt"
                type="text"
                role="combobox"
                aria-autocomplete="list"
                aria-expanded={showList}
                aria-controls={listId}
                aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
                aria-describedby={hintId}
                autoComplete="off"
                spellCheck={false}
                maxLength={300}
                placeholder="e.g. small red hearts on navy, half-drop"
                value={prompt}
                onChange={(e) => {
                  setPrompt(e.target.value);
                  setOpen(true);
                  setActive(-1);
                }}
                onFocus={() => setOpen(true)}
                onBlur={() => setTimeout(() => setOpen(false), 120)}
                onKeyDown={onKey}
                className="field h-12 text-base"
              />
              <ul
                id={listId}
                role="listbox"
                aria-label="Suggestions"
                hidden={!showList}
                className="absolute top-full right-0 left-0 z-20 mt-1 max-h-72 overflow-auto rounded-xl border border-stone-200 bg-white py-1 shadow-lg"
              >
                {suggestions.map((s, i) => (
                  <li
                    key={s}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      choose(s);
                    }}
                    className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-brand-50 text-brand-900' : 'text-stone-700 hover:bg-stone-50'}`}
                  >
                    {s}
                  </li>
                ))}
              </ul>
            </div>
            <button type="submit" className="btn-primary h-12 px-6 text-base" disabled={busy}>
              {busy ? 'Generating…' : 'Generate 4 designs'}
            </button>
          </div>
          <p id={hintId} className="mt-2 text-xs text-stone-500">
            Use ↑ ↓ to pick a suggestion. Up to 300 characters. Name things in your own words and language (pineapples, skulls and roses, gatos y perros), colours (sage, burgundy, pastel), a name to print (“Alice” in script), a texture (leopard, tartan) or a layout (grid, half-drop, stripes).
          </p>
          <div className="mt-4 flex flex-wrap gap-2" aria-label="Example prompts" role="group">
            {EXAMPLES.map((ex) => (
              <button
                key={ex}
                type="button"
                onClick={() => setPrompt(ex)}
                className="rounded-full border border-stone-200 bg-stone-50 px-3 py-1 text-xs font-medium text-stone-700 transition hover:border-brand-300 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                {ex}
              </button>
            ))}
          </div>
        </form>

        <div aria-live="polite" className="sr-only">
          {status}
        </div>
        {error && (
          <p role="alert" className="mt-4 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            {error}
          </p>
        )}

        {cands.length > 0 && (
          <section aria-labelledby={`${ids}-results`} className="mt-8">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id={`${ids}-results`} ref={resultsRef} tabIndex={-1} className="text-lg font-bold text-stone-900 focus:outline-none">
                {done ? (cands.length === 1 ? 'Your design' : 'Pick your favourite') : 'Your designs are appearing…'}
              </h2>
              {progress && progress.total > 0 && (
                <div className="flex min-w-48 items-center gap-3 text-xs text-stone-600">
                  <div role="progressbar" aria-label="Generation progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.step} className="h-2 w-40 overflow-hidden rounded-full bg-stone-200">
                    <div className="h-full rounded-full bg-brand-600 transition-[width] duration-150" style={{ width: `${(100 * progress.step) / progress.total}%` }} />
                  </div>
                  <span>
                    step {progress.step} of {progress.total}
                  </span>
                </div>
              )}
            </div>
            <fieldset className="mt-4" disabled={!done}>
              <legend className="sr-only">Choose one of four designs</legend>
              <ul className="grid grid-cols-2 gap-4 sm:gap-5">
                {cands.map((c) => {
                  const src = c.url ?? c.preview;
                  const alt = `Design ${c.index + 1} of ${cands.length}: seamless tile for “${lastPrompt}”`;
                  const isSel = !!c.designId && selected === c.designId;
                  return (
                    <li key={c.index}>
                      <label
                        className={`group block cursor-pointer overflow-hidden rounded-2xl border-2 bg-white shadow-sm transition focus-within:ring-2 focus-within:ring-brand-600 focus-within:ring-offset-2 ${isSel ? 'border-brand-600 ring-2 ring-brand-200' : 'border-stone-200 hover:border-stone-300'}`}
                      >
                        <input type="radio" name="design" value={c.designId ?? ''} className="sr-only" checked={isSel} onChange={() => c.designId && setSelected(c.designId)} aria-label={alt} />
                        <div
                          role="img"
                          aria-label={src ? alt : `Design ${c.index + 1} of ${cands.length}, not ready yet`}
                          className={`aspect-square w-full bg-stone-100 ${src ? '' : 'animate-pulse'} ${c.designId ? '' : 'opacity-90'}`}
                          style={src ? { backgroundImage: `url("${src}")`, backgroundSize: '33.333% 33.333%', backgroundRepeat: 'repeat' } : undefined}
                        />
                        <div className="flex items-center justify-between gap-2 px-3 py-2 text-xs">
                          <span className="font-medium text-stone-700">
                            Design {c.index + 1}
                          </span>
                          <span aria-hidden="true" className={`grid size-5 place-items-center rounded-full border ${isSel ? 'border-brand-600 bg-brand-600 text-white' : 'border-stone-300 bg-white'}`}>
                            {isSel ? '✓' : ''}
                          </span>
                        </div>
                      </label>
                      {c.designId && (
                        <button
                          type="button"
                          className="btn-ghost mt-1 w-full py-1.5 text-xs"
                          onClick={() => run(`/api/designs/${c.designId}/more`, {}, `four variations of design ${c.index + 1}`)}
                          disabled={busy}
                        >
                          More like this
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          </section>
        )}
      </section>

      <aside className="space-y-4 lg:sticky lg:top-24 lg:self-start" aria-label="Your design">
        <div className="card p-5">
          <h2 className="text-sm font-bold text-stone-900">What we understood</h2>
          {understood ? (
            <UnderstoodPanel u={understood} choices={choices} busy={busy} swaps={swaps} onMotif={swapMotif} onColour={swapColour} onUndo={undoSwaps} />
          ) : parsed ? (
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
              {ROLE_LABELS.map(([k, label]) => (
                <div key={k} className="contents">
                  <dt className="text-stone-500">{label}</dt>
                  <dd className={parsed[k] ? 'font-medium text-stone-900' : 'text-stone-500'}>{parsed[k]?.word ?? 'any'}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="mt-2 text-sm text-stone-500">Generate to see how your words map to motif, colours, layout and size.</p>
          )}
          {ignored.length > 0 && (
            <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="ignored-words">
              We could not use {wordList(ignored)}, so {ignored.length === 1 ? 'it' : 'they'} changed nothing in these designs.
            </p>
          )}
        </div>
        <div className="card p-5">
          <h2 className="text-sm font-bold text-stone-900">{productName ? `Use it on your ${productName}` : 'Use your design'}</h2>
          <p className="mt-1 text-sm text-stone-600">{selected ? 'Great choice. Next, place it on the product and set the repeat size.' : 'Select one of the four designs first.'}</p>
          <button type="button" className="btn-primary mt-4 w-full" disabled={!selected} onClick={goToProduct}>
            {productName ? `Continue to ${productName}` : 'Choose a product'}
          </button>
          {selected ? <SeeOnModel designId={selected} product={tryOnProduct} productName={productName?.toLowerCase() ?? 'hoodie'} className="btn-secondary mt-2 w-full" /> : null}
          <button type="button" className="btn-secondary mt-2 w-full" disabled={!selected || (saved?.ok && saved.id === selected)} onClick={() => selected && saveDesign(selected)}>
            {saved?.ok && saved.id === selected ? 'Saved' : 'Save to My designs'}
          </button>
          <p aria-live="polite" className={`mt-2 text-xs ${saved && !saved.ok ? 'text-red-700' : 'text-stone-600'}`}>
            {saved && saved.id === selected ? saved.message : null}{' '}
            <Link href="/my-designs" className="link">
              My designs
            </Link>
          </p>
        </div>
      </aside>
    </div>
  );
}

/** “a”, “b” and “c” */
function wordList(words: string[]): string {
  const q = words.map((w) => `“${w}”`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} and ${q.at(-1)}` : q[0];
}

function Swatch({ hex, label }: { hex: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden className="inline-block h-4 w-4 shrink-0 rounded-full border border-stone-300" style={{ backgroundColor: hex }} />
      {label}
    </span>
  );
}

const KIND_LABEL = { lighter: 'Lighter', darker: 'Darker', muted: 'Muted' } as const;
const chip =
  'inline-flex items-center gap-1.5 rounded-full border border-stone-200 bg-white px-2 py-1 text-xs text-stone-700 transition hover:border-brand-300 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50';

function ColourRow({ slot, picker, onColour }: { slot: ColourSlot; picker: ColourChoice[]; onColour: (slot: ColourSlot, to: ColourChoice) => void }) {
  const current = slot.current;
  return (
    <>
      <dt className="text-stone-500">{slot.label}</dt>
      <dd className="mt-1 mb-3 min-w-0 space-y-1.5">
        <span className="font-medium text-stone-900">{current ? <Swatch hex={current.hex} label={current.named ? current.name : `its own (${current.name})`} /> : <span className="text-stone-500">chosen per design</span>}</span>
        {slot.alternatives.length > 0 && (
          <div role="group" aria-label={`Other shades for ${slot.label.toLowerCase()}`} className="flex flex-wrap gap-1">
            {slot.alternatives.map((a) => (
              <button key={a.kind} type="button" className={chip} aria-label={`${slot.label}: ${a.kind} — ${a.name}`} title={`${KIND_LABEL[a.kind]}: ${a.name}`} onClick={() => onColour(slot, a)}>
                <span aria-hidden className="inline-block h-3.5 w-3.5 shrink-0 rounded-full border border-stone-300" style={{ backgroundColor: a.hex }} />
                {a.name}
              </button>
            ))}
          </div>
        )}
        <details className="group">
          <summary aria-label={`${current ? 'Other colours' : 'Pick a colour'} for ${slot.label.toLowerCase()}`} className="cursor-pointer text-xs font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
            {current ? 'Other colours' : 'Pick a colour'}
          </summary>
          <div role="group" aria-label={`Colours for ${slot.label.toLowerCase()}`} className="mt-1.5 grid grid-cols-2 gap-1">
            {picker
              .filter((p) => p.hex !== current?.hex)
              .map((p) => (
                <button key={p.name} type="button" className={`${chip} rounded-lg`} aria-label={`${slot.label}: ${p.name}`} onClick={() => onColour(slot, p)}>
                  <span aria-hidden className="inline-block h-3.5 w-3.5 shrink-0 rounded-full border border-stone-300" style={{ backgroundColor: p.hex }} />
                  <span className="truncate">{p.name}</span>
                </button>
              ))}
          </div>
        </details>
      </dd>
    </>
  );
}

function UnderstoodPanel({
  u,
  choices,
  busy,
  swaps,
  onMotif,
  onColour,
  onUndo,
}: {
  u: Understood;
  choices: Choices | null;
  busy: boolean;
  swaps: { from: string; to: string }[];
  onMotif: (current: string, to: { id: string; name: string }) => void;
  onColour: (slot: ColourSlot, to: ColourChoice) => void;
  onUndo: () => void;
}) {
  const slots = choices?.colours ?? [];
  const plainBackground = !slots.some((c) => c.role === 'background');
  return (
    <fieldset disabled={busy} className="mt-3 min-w-0 space-y-3 text-sm" data-testid="understood">
      <legend className="sr-only">What we understood, and one-click changes</legend>
      {u.motifs.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Motifs">
          {u.motifs.map((m) => (
            <li key={m.id} className="flex items-center gap-2 rounded-lg border border-stone-200 px-2 py-1">
              <img src={`/api/motifs/${m.id}`} alt="" width={28} height={28} />
              <span>
                <span className="font-medium text-stone-900">{m.name}</span>
                {m.corrected && <span className="block text-xs text-stone-500">from “{m.words}”</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {choices?.motifs.map(
        (m) =>
          m.alternatives.length > 0 && (
            <div key={m.id}>
              <p className="text-xs text-stone-500">Swap {m.name} for</p>
              <div role="group" aria-label={`Swap ${m.name} for another motif`} className="mt-1 flex flex-wrap gap-1.5">
                {m.alternatives.map((a) => (
                  <button
                    key={a.id}
                    type="button"
                    aria-label={`Swap ${m.name} for ${a.name}`}
                    title={a.name}
                    onClick={() => onMotif(m.id, a)}
                    className="grid size-11 place-items-center rounded-lg border border-stone-200 bg-white transition hover:border-brand-300 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50"
                  >
                    <img src={`/api/motifs/${a.id}`} alt="" width={30} height={30} />
                  </button>
                ))}
              </div>
            </div>
          ),
      )}
      {slots.length > 0 && (
        <dl aria-label="Colours">
          {slots.map((slot) => (
            <ColourRow key={`${slot.role}-${slot.index ?? 0}`} slot={slot} picker={choices!.picker} onColour={onColour} />
          ))}
        </dl>
      )}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-2">
        {plainBackground && u.background && (
          <>
            <dt className="text-stone-500">Background</dt>
            <dd><Swatch hex={u.background.hex} label={u.background.name} /></dd>
          </>
        )}
        {!choices && u.palette.length > 0 && (
          <>
            <dt className="text-stone-500">Palette</dt>
            <dd className="flex gap-1">{u.palette.map((h) => <span key={h} aria-label={h} className="inline-block h-4 w-4 rounded-full border border-stone-300" style={{ backgroundColor: h }} />)}</dd>
          </>
        )}
        {u.texture && (
          <>
            <dt className="text-stone-500">Texture</dt>
            <dd className="font-medium capitalize text-stone-900">{u.texture.replace(/-/g, ' ')}</dd>
          </>
        )}
        {u.text && (
          <>
            <dt className="text-stone-500">Lettering</dt>
            <dd className="min-w-0 font-medium text-stone-900">
              {choices?.font?.sample ? (
                <figure>
                  <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(choices.font.sample)}`} alt={`“${u.text.content}” in ${u.text.font}`} className="h-10 max-w-full object-contain object-left" />
                  <figcaption className="text-xs font-normal text-stone-500">{u.text.font}</figcaption>
                </figure>
              ) : (
                <>“{u.text.content}” in {u.text.font}</>
              )}
            </dd>
          </>
        )}
        <dt className="text-stone-500">Layout</dt>
        <dd className="capitalize text-stone-900">{u.layout.replace(/-/g, ' ')}</dd>
        {u.excluded.length > 0 && (
          <>
            <dt className="text-stone-500">Left out</dt>
            <dd className="text-stone-900">{u.excluded.join(', ')}</dd>
          </>
        )}
      </dl>
      {swaps.length > 0 && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-brand-50 px-3 py-2 text-xs text-brand-900" data-testid="swaps">
          <span>
            Swapped: {swaps.map((x, i) => (
              <span key={i} className="font-semibold">
                {i > 0 && ', '}
                {x.from} → {x.to}
              </span>
            ))}
          </span>
          <button type="button" className="font-medium underline" onClick={onUndo}>
            Undo swaps
          </button>
        </div>
      )}
    </fieldset>
  );
}
