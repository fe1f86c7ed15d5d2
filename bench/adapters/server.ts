import 'reflect-metadata';
import {
  Injectable,
  type MiddlewareConsumer,
  Module,
  type NestMiddleware,
  RequestMethod,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Field, ID, Int, ObjectType, Query, Resolver, GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { storedAnswer, type BenchAdapter } from './shape';

/*
 * One process of the adapter bench (bench/adapters/run-adapters.ts starts one per adapter): the same minimal
 * Nest 11 + @nestjs/apollo 13 + Apollo Server 5 app on Express (@as-integrations/express5) or Fastify
 * (@as-integrations/fastify), configured like the gateway where it matters (code-first schema, Apollo's
 * cache-control plugin disabled, CSRF prevention on, JSON bodies).
 *
 * Three paths, all POST /graphql:
 * - `{ __typename }`: Apollo's request pipeline with next to no execution;
 * - `{ item { ... } }`: one resolver returning a ~2 KB object (execution and serialisation of ~40 fields);
 * - STORED_QUERY: answered from stored bytes before Apollo, as the gateway's response-cache fast path does.
 *   On Express that is a Nest middleware (after Nest's body parser, like the gateway's middlewares). On Fastify
 *   a Nest middleware cannot do it: Nest runs middleware through @fastify/middie in the `onRequest` hook,
 *   before Fastify parses the body, so the lookup is a `preHandler` hook (after the body parser, before the
 *   Apollo route handler) that sends the stored Buffer.
 * The lookup runs on every request (a Map get on the query text), so the Apollo paths pay for it too, as the
 * gateway's would. BENCH_MIDDLEWARES=N adds N pass-through Nest middlewares on /graphql to both adapters (the
 * gateway has six: tracing, auth, persisted documents, request limits, budget, CSRF).
 */

const adapter = (process.env.BENCH_ADAPTER ?? 'express') as BenchAdapter;
const port = Number(process.env.PORT ?? 0);
const passThrough = Number(process.env.BENCH_MIDDLEWARES ?? 0);

@ObjectType()
class Spec {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
  @Field(() => Int) weight!: number;
}

@ObjectType()
class Item {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => [Spec]) specs!: Spec[];
}

/** The same ~2 KB object on every call (built once: the resolver's own work is not what is measured). */
const ITEM: Item = (() => {
  const specs: Spec[] = [];
  for (let i = 0; i < 24; i++)
    specs.push({ key: `spec-${i}`, value: `value of spec ${i} `.repeat(2), weight: i });
  return {
    id: 'item-1',
    name: 'A100 80GB SXM4 x8',
    description: 'Eight NVIDIA A100 80 GB GPUs, 240 vCPUs, 1.8 TB RAM, 20 TB NVMe, 100 Gbit/s network.',
    tags: ['gpu', 'a100', 'sxm4', 'nvlink', 'eu-central', 'available'],
    specs,
  };
})();

@Resolver()
class BenchResolver {
  @Query(() => Item)
  item(): Item {
    return ITEM;
  }
}

const STORED = storedAnswer(ITEM);

/** Express: the stored-bytes answer as a Nest middleware, like the gateway's fast path. */
@Injectable()
class StoredBytesMiddleware implements NestMiddleware {
  use(req: IncomingMessage & { body?: { query?: unknown } }, res: ServerResponse, next: () => void): void {
    const hit = typeof req.body?.query === 'string' ? STORED.get(req.body.query) : undefined;
    if (!hit) return next();
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', hit.length);
    res.end(hit);
  }
}

@Injectable()
class PassThroughMiddleware implements NestMiddleware {
  use(_req: IncomingMessage, _res: ServerResponse, next: () => void): void {
    next();
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      playground: false,
      graphiql: false,
      introspection: false,
      plugins: [ApolloServerPluginCacheControlDisabled()],
      csrfPrevention: true,
      includeStacktraceInErrorResponses: false,
    }),
  ],
  providers: [BenchResolver],
})
class BenchModule {
  configure(consumer: MiddlewareConsumer): void {
    const route = { path: 'graphql', method: RequestMethod.ALL };
    for (let i = 0; i < passThrough; i++) consumer.apply(PassThroughMiddleware).forRoutes(route);
    if (adapter === 'express') consumer.apply(StoredBytesMiddleware).forRoutes(route);
  }
}

async function main(): Promise<void> {
  if (adapter === 'express') {
    const app = await NestFactory.create<NestExpressApplication>(BenchModule, { logger: ['error'] });
    app.disable('x-powered-by');
    await app.listen(port, '127.0.0.1');
  } else {
    // Loaded here so the Express process never loads Fastify (and the other way round).
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    type Fastify = import('fastify').FastifyInstance;
    const fastifyAdapter = new FastifyAdapter();
    const app = await NestFactory.create<import('@nestjs/platform-fastify').NestFastifyApplication>(
      BenchModule,
      fastifyAdapter,
      { logger: ['error'] },
    );
    const instance: Fastify = fastifyAdapter.getInstance();
    // Before app.init() registers Apollo's route, so the route gets the hook.
    instance.addHook('preHandler', (request, reply, done) => {
      const body = request.body as { query?: unknown } | undefined;
      const hit = typeof body?.query === 'string' ? STORED.get(body.query) : undefined;
      if (!hit) return done();
      void reply.code(200).header('content-type', 'application/json; charset=utf-8').send(hit);
    });
    await app.listen(port, '127.0.0.1');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
