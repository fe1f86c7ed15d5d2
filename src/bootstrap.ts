import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';

export interface RunningGateway {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/** Builds the Nest app for a validated config (used by main.ts and by the e2e tests). */
export async function createGatewayApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.LOG_LEVEL === 'silent' ? false : ['error', 'warn'],
    bodyParser: true,
  });
  app.useBodyParser('json', { limit: config.MAX_BODY_BYTES });
  app.enableShutdownHooks();
  return app;
}

/** Starts the gateway listening on HOST:PORT (PORT 0 = a free port). */
export async function startGateway(config: AppConfig): Promise<RunningGateway> {
  const app = await createGatewayApp(config);
  await app.listen(config.PORT, config.HOST);
  const server = app.getHttpServer() as import('node:http').Server;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return { app, url: `http://${host}:${port}`, close: () => app.close() };
}
