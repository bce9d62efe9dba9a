// OpenAPI 3.1 description of the factory API.
const err = { $ref: '#/components/responses/Error' };
const jobId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export function factoryOpenApi() {
  return {
    openapi: '3.1.0',
    info: { title: 'Seedprint factory API', version: '1.0.0', description: 'Pull print jobs, download print files, report production and shipping.' },
    servers: [{ url: '/api/factory/v1' }],
    security: [{ bearer: [] }],
    paths: {
      '/jobs': {
        get: {
          summary: 'List jobs',
          description: '`ready` lists unclaimed jobs open to any factory; other statuses list this factory’s jobs.',
          parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: ['ready', 'claimed', 'received', 'printed', 'shipped', 'failed'], default: 'ready' } }],
          responses: { 200: { description: 'Jobs', content: { 'application/json': { schema: { type: 'object', properties: { jobs: { type: 'array', items: { $ref: '#/components/schemas/Job' } } } } } } }, 400: err, 401: err },
        },
      },
      '/jobs/{id}/claim': {
        post: {
          summary: 'Claim a ready job',
          description: 'Idempotent for the factory that holds the claim; another factory gets 409.',
          parameters: [jobId],
          responses: { 200: { description: 'Claimed', content: { 'application/json': { schema: { type: 'object', properties: { job: { $ref: '#/components/schemas/Job' } } } } } }, 401: err, 404: err, 409: err },
        },
      },
      '/jobs/{id}/files/{placement}': {
        get: {
          summary: 'Download a print file (PNG, sRGB, DPI recorded)',
          parameters: [jobId, { name: 'placement', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'The PNG', headers: { 'X-Content-SHA256': { schema: { type: 'string' }, description: 'sha256 of the body, hex' } }, content: { 'image/png': {} } },
            401: err,
            404: err,
          },
        },
      },
      '/jobs/{id}/status': {
        post: {
          summary: 'Report progress',
          description: 'claimed → received → printed → shipped; failed from any of those. Illegal transitions answer 409. Repeating the current status is a no-op.',
          parameters: [jobId],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status'],
                  properties: {
                    status: { type: 'string', enum: ['received', 'printed', 'shipped', 'failed'] },
                    carrier: { type: 'string' },
                    trackingNumber: { type: 'string', description: 'required for shipped' },
                    trackingUrl: { type: 'string', format: 'uri' },
                    reason: { type: 'string', description: 'required for failed' },
                  },
                },
              },
            },
          },
          responses: { 200: { description: 'Updated job', content: { 'application/json': { schema: { type: 'object', properties: { job: { $ref: '#/components/schemas/Job' } } } } } }, 400: err, 401: err, 404: err, 409: err },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A factory API key created by an admin' } },
      responses: {
        Error: { description: 'Error', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object', properties: { message: { type: 'string' }, code: { type: 'string' } } } } } } } },
      },
      schemas: {
        Job: {
          type: 'object',
          required: ['id', 'orderId', 'product', 'variant', 'files'],
          properties: {
            id: { type: 'string' },
            orderId: { type: 'string' },
            orderNumber: { type: 'string' },
            status: { type: 'string' },
            product: { type: 'string' },
            variant: { type: 'string' },
            sku: { type: 'string' },
            quantity: { type: 'integer' },
            files: {
              type: 'array',
              items: {
                type: 'object',
                properties: { placement: { type: 'string' }, url: { type: 'string' }, sha256: { type: 'string' }, widthPx: { type: 'integer' }, heightPx: { type: 'integer' }, dpi: { type: 'integer' } },
              },
            },
          },
        },
      },
    },
  };
}
