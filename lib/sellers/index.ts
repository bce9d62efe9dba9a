// Public surface of lib/sellers: shops, listings with generated photography, public pages.
export { STORE_MARGIN, priceFloorMinor, sellerEarningsMinor } from './pricing';
export {
  becomeSeller,
  updateSellerProfile,
  getSellerForUser,
  requireSeller,
  createListing,
  updateListing,
  publishListing,
  archiveListing,
  chooseCover,
  regeneratePhotos,
  getOwnedListing,
  listListingsForSeller,
  grantDesignLicense,
  revokeDesignLicense,
  priceFloors,
  floorFor,
  sellerProfileSchema,
  listingSchema,
  listingUpdateSchema,
  type PriceFloor,
} from './listing-service';
export { PHOTO_VIEWS, viewsFor } from './photo-views';
export { handleListingPhotos, enqueueListingPhotos, photoProgress, renderProductPhoto, designTile } from './photos';
export {
  getPublicListing,
  getShop,
  recordListingView,
  visitListing,
  flushListingViews,
  listingSitemapEntries,
  sellerDashboard,
  offersFor,
  coverPhoto,
  photoUrl,
  listingUrl,
  shopUrl,
  type Offer,
  type OfferVariant,
  type DayPoint,
  type ListingSummary,
} from './public';
export { startSellerWorkers } from './workers';
