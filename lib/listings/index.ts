// Public surface of lib/listings: what a seller offers (design, products, prices, campaign terms,
// photos, view counts). The seller workspace (lib/sellers) edits listings through these
// functions; cart, orders and campaigns read their terms here.
export {
  createListing,
  dailyStats,
  decideCampaign,
  deleteAllPhotos,
  findCampaign,
  findCampaignByListing,
  findCampaignsByStatus,
  findListingById,
  findListingBySlug,
  findPhoto,
  listingPhotoKeysInUse,
  listListingsForSeller,
  listPublishedListings,
  prunePhotos,
  searchListings,
  setCampaignDeadline,
  setCoverPhoto,
  setListingStatus,
  sitemapRows,
  updateListing,
  upsertPhoto,
  type CampaignInput,
  type ListingHit,
  type ListingProductInput,
  type ListingRow,
} from './listing-repository';
export { listingTerms, termsPrice, type CampaignTerms, type ListingTerms } from './terms';
export { priceForSize, priceRange, readSizePrices, type SizePrices } from './size-prices';
export { addBusinessDays, preorderEstimate, preorderLabel, PREORDER_PRINT_DAYS, type PreorderEstimate } from './preorder';
export { countView, flushViews } from './view-counter';
export { PUBLIC_LISTING_CACHE, PUBLIC_SEARCH_CACHE, PUBLIC_SHOP_CACHE, PUBLIC_TTL_MS, listingsChanged } from './public-caches';
