'use client';
// Studio product shots of the shopper's design (lib/mockup), at the chosen colour and true
// repeat size; re-rendered shortly after the slider settles.
import { useEffect, useState } from 'react';

export function MockupGallery({ slug, views, designId, colorHex, repeatIn, productName }: { slug: string; views: string[]; designId: string; colorHex: string; repeatIn: number; productName: string }) {
  const [settled, setSettled] = useState(repeatIn);
  useEffect(() => {
    const t = setTimeout(() => setSettled(repeatIn), 350);
    return () => clearTimeout(t);
  }, [repeatIn]);
  if (views.length === 0) return null;
  const q = (view: string) => `/api/mockups/${slug}/${view}.png?design=${designId}&color=${colorHex.replace('#', '')}&repeat=${settled}&size=512`;
  return (
    <section aria-label="Product photos with your design" className="mt-4">
      <ul className="grid grid-cols-3 gap-3">
        {views.map((view) => (
          <li key={view}>
            <a href={q(view).replace('size=512', 'size=1024')} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-xl border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
              <img src={q(view)} alt={`${productName}, ${view.replace(/-/g, ' ')} view, printed with your pattern at ${settled} in per repeat`} width={512} height={512} loading="lazy" className="aspect-square w-full object-cover" data-testid="mockup-photo" />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
