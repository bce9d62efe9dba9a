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
  listJobsForFactory,
  listQuerySchema,
  reportStatus,
  revokeApiKey,
  statusSchema,
  type StatusReport,
} from './factory-service';
export { emitWebhook, signPayload, RETRY_MINUTES } from './outbound-webhooks';
export { handleOrderPaid, handleRenderJob, printOneFile, remakeOutdatedPrintFiles, REMAKE_NOTE } from './render-job';
export { assignUserToFactory, createEndpoint, listDeliveries } from './fulfillment-repository';
