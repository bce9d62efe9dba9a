// One query's results, cached per query (proxy.ts rewrites /search?q=… here). Every query is an
// entry of Next's in-memory page cache, whose size is bounded (cacheMaxMemorySize in
// next.config), so a stream of unique queries only evicts the least used pages.
import type { Metadata } from 'next';
import { SearchPage, searchMetadata } from '../search-page';

// Listing writes clear this instance's copies at once (app/_lib/public-pages); other instances
// show a change within these seconds.
export const revalidate = 10;
export const dynamicParams = true;
export function generateStaticParams(): { q: string }[] {
  return []; // rendered on first request
}

type Params = Promise<{ q: string }>;

/** The query as proxy.ts put it in the path (percent-encoded); a malformed escape is kept as typed. */
async function queryOf(params: Params): Promise<string> {
  const { q } = await params;
  try {
    return decodeURIComponent(q);
  } catch {
    return q;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return searchMetadata(await queryOf(params));
}

export default async function QueryPage({ params }: { params: Params }) {
  return <SearchPage rawQuery={await queryOf(params)} />;
}
