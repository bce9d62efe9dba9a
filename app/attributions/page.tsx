import type { Metadata } from 'next';
import { patternAttributions } from '@/lib/pattern/attributions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Attributions' };

export default function Attributions() {
  const rows = patternAttributions();
  return (
    <main className="container-page max-w-4xl py-10">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Attributions</h1>
      <p className="mt-2 text-stone-600">The artwork, fonts and word lists our patterns are made from, and the licences that let us print them on what you buy.</p>
      {/* Focusable so keyboard users can scroll the table sideways on a phone. */}
      <div className="mt-6 overflow-x-auto" role="region" aria-label="Attributions table" tabIndex={0}>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-stone-200 text-stone-500">
              <th className="py-2 pr-4 font-medium">What</th>
              <th className="py-2 pr-4 font-medium">Source</th>
              <th className="py-2 pr-4 font-medium">Licence</th>
              <th className="py-2 font-medium">Notice</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.what} className="border-b border-stone-100 align-top">
                <td className="py-2 pr-4 text-stone-900">{r.what}</td>
                <td className="py-2 pr-4 text-stone-700">{r.source}</td>
                <td className="py-2 pr-4 text-stone-700">{r.licence}</td>
                <td className="py-2 text-stone-600">{r.notice}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
