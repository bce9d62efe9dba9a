// Factory API routes: every call carries `Authorization: Bearer <key>`; errors are JSON 4xx.
import { authenticateFactory } from '@/lib/fulfillment';
import { handle } from '@/lib/http/route';

type Ctx<P> = { params: Promise<P> };
type FactoryHandler<P> = (args: { req: Request; params: P; factory: { id: string; name: string } }) => Promise<Response>;

export function withFactory<P = Record<string, never>>(fn: FactoryHandler<P>) {
  return handle<Ctx<P>>(async (req, ctx) => {
    const factory = await authenticateFactory(req.headers.get('authorization'));
    return fn({ req, params: await ctx.params, factory });
  });
}
