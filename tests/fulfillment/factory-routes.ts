// The factory API's route modules by their OpenAPI path, as Next.js mounts them.
import * as listRoute from '../../app/api/factory/v1/jobs/route';
import * as claimRoute from '../../app/api/factory/v1/jobs/[id]/claim/route';
import * as statusRoute from '../../app/api/factory/v1/jobs/[id]/status/route';
import * as fileRoute from '../../app/api/factory/v1/jobs/[id]/files/[placement]/route';
import * as thumbRoute from '../../app/api/factory/v1/jobs/[id]/files/[placement]/thumbnail/route';
import * as openapiRoute from '../../app/api/factory/v1/openapi.json/route';

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];
export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
export type RouteModule = Partial<Record<Method, Handler>>;

export const routes: Record<string, RouteModule> = {
  '/jobs': listRoute as unknown as RouteModule,
  '/jobs/{id}/claim': claimRoute as unknown as RouteModule,
  '/jobs/{id}/files/{placement}': fileRoute as unknown as RouteModule,
  '/jobs/{id}/files/{placement}/thumbnail': thumbRoute as unknown as RouteModule,
  '/jobs/{id}/status': statusRoute as unknown as RouteModule,
  '/openapi.json': openapiRoute as unknown as RouteModule,
};
