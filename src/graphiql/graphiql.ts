import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

/*
 * A self-hosted GraphiQL at GET /graphql (browsers only: Accept text/html, no `query` parameter). Every asset
 * is served from this process out of node_modules, so the IDE works offline and behind strict CSPs.
 * Off in production unless GRAPHQL_IDE=true (see config).
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': {
    file: join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.js': {
    file: join(dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.js': {
    file: join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
    type: 'text/javascript',
  },
  'graphiql.css': {
    file: join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
    type: 'text/css',
  },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Barrack GraphQL gateway</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    // Paste your API key or JWT in the Headers tab: {"Authorization": "Bearer bgw_..."}
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultHeaders: '{\\n  "Authorization": "Bearer <your API key>"\\n}',
        defaultQuery: '{\\n  viewer { tenantId scopes }\\n  regions { code name }\\n}\\n',
      }),
    );
  </script>
</body>
</html>`;

function wantsIde(req: Request): boolean {
  const params = req.query as Record<string, unknown>;
  const isOperation = ['query', 'documentId', 'extensions'].some((p) => p in params);
  return req.method === 'GET' && !isOperation && (req.headers.accept ?? '').includes('text/html');
}

/** Mounts the IDE page and its assets ahead of Apollo's /graphql handler. */
export function mountGraphiql(app: NestExpressApplication): void {
  const cache = new Map<string, Buffer>();
  app.use('/graphiql/assets/:name', (req: Request, res: Response, next: NextFunction) => {
    const name = String(req.params.name);
    const asset = ASSETS[name];
    if (!asset) return next();
    let body = cache.get(name);
    if (!body) {
      body = readFileSync(asset.file);
      cache.set(name, body);
    }
    res.setHeader('content-type', `${asset.type}; charset=utf-8`);
    res.setHeader('cache-control', 'public, max-age=86400');
    res.end(body);
  });
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (!wantsIde(req)) return next();
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(PAGE);
  });
}
