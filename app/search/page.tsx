// Search without a query: the search box and suggestions (a query's results: ./[q]/page.tsx).
import { SearchPage, searchMetadata } from './search-page';

// The same for everyone; the minute only picks up a new build's catalog.
export const revalidate = 60;

export const metadata = searchMetadata('');

export default function EmptySearchPage() {
  return <SearchPage rawQuery="" />;
}
