'use client';
// Studio product shots of the shopper's design (lib/mockup), at the chosen colour and true
// repeat size; re-rendered shortly after the slider settles. The chosen view is shown large with
// a hover / pinch zoom that loads the shot at the template's full resolution.
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/** Every shipped template is 1024 px square: the zoom never enlarges past real pixels. */
const FULL_PX = 1024;

export function MockupGallery({ slug, views, designId, colorHex, repeatIn, productName }: { slug: string; views: string[]; designId: string; colorHex: string; repeatIn: number; productName: string }) {
  const [settled, setSettled] = useState(repeatIn);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setSettled(repeatIn), 350);
    return () => clearTimeout(t);
  }, [repeatIn]);
  if (views.length === 0) return null;
  const q = (view: string, size: number) => `/api/mockups/${slug}/${view}.png?design=${designId}&color=${colorHex.replace('#', '')}&repeat=${settled}&size=${size}`;
  const alt = (view: string) => `${productName}, ${view.replace(/-/g, ' ')} view, printed with your pattern at ${settled} in per repeat`;
  const current = views[Math.min(active, views.length - 1)];
  return (
    <section aria-label="Product photos with your design" className="mt-4">
      <ZoomView src={q(current, 512)} fullSrc={q(current, FULL_PX)} alt={alt(current)} />
      <ul className="mt-3 grid grid-cols-3 gap-3">
        {views.map((view, i) => (
          <li key={view}>
            <button
              type="button"
              onClick={() => setActive(i)}
              aria-pressed={view === current}
              aria-label={`Show the ${view.replace(/-/g, ' ')} view`}
              className="block w-full overflow-hidden rounded-xl border border-stone-200 bg-stone-100 ring-brand-700 aria-pressed:ring-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              <img src={q(view, 512)} alt={alt(view)} width={512} height={512} loading="lazy" className="aspect-square w-full object-cover" data-testid="mockup-photo" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Hover (mouse) or pinch / drag (touch) to magnify. The magnified layer is the full-resolution
 * shot, fetched on first use; it magnifies to one image pixel per device pixel (at least 1.5x).
 */
function ZoomView({ src, fullSrc, alt }: { src: string; fullSrc: string; alt: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const [origin, setOrigin] = useState({ x: 50, y: 50 });
  const [wantFull, setWantFull] = useState(false);
  const [loadedSrc, setLoadedSrc] = useState('');
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ dist: number; zoom: number } | null>(null);

  const maxZoom = () => {
    const w = box.current?.clientWidth ?? FULL_PX;
    return Math.max(1, FULL_PX / (w * (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1)));
  };
  const aim = (e: { clientX: number; clientY: number }) => {
    const r = box.current!.getBoundingClientRect();
    setOrigin({ x: Math.min(100, Math.max(0, ((e.clientX - r.left) / r.width) * 100)), y: Math.min(100, Math.max(0, ((e.clientY - r.top) / r.height) * 100)) });
  };
  const onMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse') {
      setWantFull(true);
      setZoom(Math.max(1.5, maxZoom()));
      aim(e);
      return;
    }
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const pts = [...pointers.current.values()];
    if (pts.length === 2) {
      const dist = Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y);
      pinch.current ??= { dist, zoom };
      setWantFull(true);
      setZoom(Math.min(Math.max(1.5, maxZoom()), Math.max(1, (pinch.current.zoom * dist) / pinch.current.dist)));
      aim({ clientX: (pts[0].x + pts[1].x) / 2, clientY: (pts[0].y + pts[1].y) / 2 });
    } else if (zoom > 1) aim(e);
  };
  const onUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  };

  return (
    <div
      ref={box}
      className="relative aspect-square w-full cursor-zoom-in touch-pan-y overflow-hidden rounded-2xl border border-stone-200 bg-white"
      style={zoom > 1 ? { touchAction: 'none' } : undefined}
      onPointerMove={onMove}
      onPointerDown={(e) => e.pointerType !== 'mouse' && pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY })}
      onPointerUp={onUp}
      onPointerCancel={onUp}
      onPointerLeave={(e) => {
        onUp(e);
        if (e.pointerType === 'mouse') setZoom(1);
      }}
      onDoubleClick={() => setZoom(1)}
      data-testid="mockup-zoom"
      data-zoom={zoom.toFixed(2)}
    >
      {loadedSrc !== src ? (
        // Shots are rendered on request: say so instead of showing an empty white box.
        <p className="absolute inset-0 grid place-items-center bg-stone-100 text-sm text-stone-600 motion-safe:animate-pulse" data-testid="mockup-rendering">
          Rendering your product photo…
        </p>
      ) : null}
      <img src={src} alt={alt} width={512} height={512} className="absolute inset-0 size-full object-cover" onLoad={() => setLoadedSrc(src)} />
      {wantFull ? (
        <img
          src={fullSrc}
          alt=""
          aria-hidden="true"
          width={FULL_PX}
          height={FULL_PX}
          className="absolute inset-0 size-full object-cover transition-opacity"
          style={{ transform: `scale(${zoom})`, transformOrigin: `${origin.x}% ${origin.y}%`, opacity: zoom > 1 ? 1 : 0 }}
          data-testid="mockup-zoom-full"
        />
      ) : null}
      <p className="pointer-events-none absolute bottom-2 right-2 rounded-full bg-white/85 px-2 py-0.5 text-xs text-stone-600 shadow-sm">{zoom > 1 ? `${zoom.toFixed(1)}×` : 'Hover or pinch to zoom'}</p>
    </div>
  );
}
