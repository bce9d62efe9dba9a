// Public surface of lib/tryon (server-only).
export { analyzePerson, TryonPhotoError, KEYPOINT_NAMES, type PersonAnalysis, type Keypoint } from './analyze';
export { tryOn, renderProduct, loadWorkImage, WORK_EDGE, type TryonResult } from './engine';
export { acceptPhoto, sniff, UploadError, MAX_PHOTOS_PER_OWNER, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from './upload';
export { addPhotos, listPhotos, deletePhoto, deleteAllForOwner, sweepExpired, processLook, fileBlob, RETENTION_DAYS, type PhotoView, type PhotoResult } from './service';
export { signedFileUrl, verifySignature } from './signing';
export { startTryonWorkers } from './worker';
export { siteRender, listSiteModels, addSiteModel, deleteSiteModel, listSiteModelsForAdmin, siteModelPhoto, EMBEDDED_MODELS, SITE_VARIANTS, type SiteModel } from './site-model';
export { ALL_VARIANTS, VARIANT_LABELS, type VariantName } from './variants';
