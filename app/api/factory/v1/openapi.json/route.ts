import { factoryOpenApi } from './spec';
import { methodNotAllowed } from '../with-factory';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(factoryOpenApi());
}

export const POST = methodNotAllowed('GET');
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
