// The factory API's OpenAPI 3.1 document: generated from the zod schemas the routes use
// (lib/fulfillment/factory-api-schemas.ts), never written by hand.
export { factoryOpenApi } from '@/lib/fulfillment';
