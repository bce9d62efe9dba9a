import { factoryOpenApi } from './spec';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(factoryOpenApi());
}
