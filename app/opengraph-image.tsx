import { ImageResponse } from 'next/og';
import { OG_SIZE, OgCard } from './_components/og-card';

export const alt = 'Seedprint — patterns nobody has designed yet, printed on hoodies, tees, mugs, totes, posters and phone cases';
export const size = OG_SIZE;
export const contentType = 'image/png';

export default function OpengraphImage() {
  return new ImageResponse(
    <OgCard eyebrow="Print on demand" title="Patterns nobody has designed yet" subtitle="Describe it. Pick one of four. We print it." swatches={['#f5f5f4', '#1c1917', '#1e293b', '#e7dcc8', '#a8a29e']} />,
    size,
  );
}
