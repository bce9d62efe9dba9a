// Public surface of lib/saved-designs: a shopper's "My designs" (account or guest session) and
// the public share view of a design.
export { saveToMyDesigns, listMyDesigns, removeFromMyDesigns, attachGuestDesigns, sharedDesign, saveDesignSchema, sharePath, previewPath, MY_DESIGNS_LIMIT, type MyDesign, type Owner, type SharedDesign } from './saved-designs';
export { ownerFromHeaders, ownerFromRequest, type ResolvedOwner } from './owner';
