import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Disposable } from 'graphql-ws';
import type * as GraphqlWsOnWs from 'graphql-ws/dist/use/ws';
import { WebSocketServer } from 'ws';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GraphqlWsOptions } from './graphql-ws.options';

// graphql-ws publishes `use/ws` through package exports only, which moduleResolution "node" does not read;
// the types come from the file itself, the code through the exports map (as @nestjs/graphql loads it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as typeof GraphqlWsOnWs;

const PATH = '/graphql';

/**
 * The WebSocket endpoint (graphql-ws on `ws`, same path as HTTP). The gateway owns it instead of letting
 * @nestjs/graphql create it, because Nest's server cannot be given `maxPayload`: `ws` would accept 100 MiB
 * messages. Here `maxPayload` is MAX_BODY_BYTES, the HTTP body limit, so a message HTTP would answer with
 * 413 closes the socket with 1009 (Message Too Big) before it is parsed or executed. Only the
 * `graphql-transport-ws` subprotocol is served; the legacy `subscriptions-transport-ws` is not offered.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private wss: WebSocketServer | null = null;
  private server: Disposable | null = null;
  private httpServer: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly options: GraphqlWsOptions,
  ) {}

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!httpServer) return;
    this.httpServer = httpServer;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.config.MAX_BODY_BYTES });
    this.server = useServer(this.options.build(), this.wss);
    httpServer.on('upgrade', this.onUpgrade);
  }

  async onModuleDestroy(): Promise<void> {
    this.httpServer?.removeListener('upgrade', this.onUpgrade);
    // graphql-ws closes every client with 1001 (Going away) and stops the server.
    await this.server?.dispose();
    this.server = null;
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss;
    const path = (req.url ?? '').split('?')[0];
    if (!wss || path !== PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
}
