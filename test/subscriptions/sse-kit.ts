/**
 * A minimal graphql-sse "distinct connections" client over fetch: POST /graphql/stream with
 * `accept: text/event-stream`, reading `next` / `complete` events as they arrive.
 */
export interface SseFeed {
  status: Promise<number>;
  data: Record<string, unknown>[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  /** Resolves when the server sent `complete` or ended the response. */
  done: Promise<void>;
  completed: boolean;
  /** The body of an answer that was not an event stream. */
  lastBody?: string;
  stop(): void;
}

export function sseFeed(
  baseUrl: string,
  authorization: string,
  query: string,
  variables: Record<string, unknown> = {},
  /** More request headers (e.g. `traceparent`). */
  headers: Record<string, string> = {},
): SseFeed {
  const abort = new AbortController();
  let setStatus: (n: number) => void = () => undefined;
  const f: SseFeed = {
    status: new Promise((r) => (setStatus = r)),
    data: [],
    errors: [],
    done: Promise.resolve(),
    completed: false,
    stop: () => abort.abort(),
  };
  f.done = (async () => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/graphql/stream`, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization,
        },
        body: JSON.stringify({ query, variables }),
        signal: abort.signal,
      });
    } catch {
      setStatus(0);
      return;
    }
    setStatus(res.status);
    if (!res.body) return;
    if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      // A refusal before any stream (graphql-sse answers it as one JSON result).
      const text = await res.text();
      f.lastBody = text;
      try {
        const r = JSON.parse(text) as { errors?: SseFeed['errors'] };
        if (r.errors) f.errors.push(...r.errors);
      } catch {
        /* not JSON */
      }
      f.completed = true;
      return;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1];
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.replace(/^data: ?/, ''))
            .join('\n');
          if (event === 'complete') f.completed = true;
          if (event === 'next' && data) {
            const r = JSON.parse(data) as { data?: Record<string, unknown>; errors?: SseFeed['errors'] };
            if (r.data) f.data.push(r.data);
            if (r.errors) f.errors.push(...r.errors);
          }
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return f;
}
