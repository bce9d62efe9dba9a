export { startFulfillmentWorkers } from './workers';
export {
  authenticateFactory,
  claim,
  createApiKey,
  createFactory,
  factoryForUser,
  jobForFactory,
  jobToApi,
  listFactories,
  consumeRateLimit,
  listJobPage,
  listJobsForFactory,
  reportStatus,
  revokeApiKey,
  type RateLimitState,
} from './factory-service';
export {
  errorSchema,
  jobEnvelopeSchema,
  jobListSchema,
  jobSchema,
  listQuerySchema,
  printFileSchema,
  statusSchema,
  type ApiJob,
  type ListQuery,
  type StatusReport,
} from './factory-api-schemas';
export { factoryOpenApi } from './factory-openapi';
export { emitWebhook, signPayload, RETRY_MINUTES } from './outbound-webhooks';
export { handleOrderPaid, handleRenderJob, printOneFile, remakeOutdatedPrintFiles, REMAKE_NOTE } from './render-job';
export { createEndpoint, listDeliveries } from './fulfillment-repository';
