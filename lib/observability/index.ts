// Public API of lib/observability: request ids, JSON logs, Prometheus metrics, readiness.
export { REQUEST_ID_HEADER, currentRequestId, requestIdFrom, withRequestId, type RequestContext } from './context';
export { logger, setLogDestination } from './logger';
export { metrics, timeRender, type StoreMetrics } from './metrics';
export { installRequestObservability, observeRequest } from './http-server';
export { appRoutes, compileTemplates, routeOf } from './routes';
export { checkReadiness, pingStorage, type Check, type Readiness } from './readiness';
export { metricsAccess, type MetricsAccess } from './metrics-access';
export { metricsText, type MetricsSources } from './exposition';
export { startMetricsServer } from './metrics-server';
export { installGracefulShutdown, isDraining, type GracefulShutdownOptions } from './graceful-shutdown';
