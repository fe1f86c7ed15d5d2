/** What can go wrong on a route: added latency, an error rate, a forced status, or no answer at all. */
export interface FaultSpec {
  latencyMs?: number;
  /** 0..1: share of requests answered with `status` (default 503), drawn from a seeded RNG. */
  errorRate?: number;
  /** Without errorRate: every request gets this status. With it: the status of the injected errors. */
  status?: number;
  /** Never answer (until the simulator closes). */
  hang?: boolean;
  /** Seed of this fault's RNG (default 1), so an error-rate run is reproducible. */
  seed?: number;
}

/** mulberry32: tiny, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ActiveFault {
  spec: FaultSpec;
  rng: () => number;
}

export interface FaultDecision {
  latencyMs: number;
  hang: boolean;
  /** A status to answer with instead of running the handler. */
  status: number | null;
}

/**
 * Faults keyed by target: an operationId ("listRegions"), "METHOD /template/" ("GET /regions/"), a path
 * template ("/instances/{instance_id}/", any method) or "*". The most specific match wins.
 */
export class FaultRegistry {
  private readonly faults = new Map<string, ActiveFault>();

  constructor(
    private readonly isKnownTarget: (target: string) => boolean,
    public globalLatencyMs = 0,
  ) {}

  set(target: string, spec: FaultSpec): void {
    const key = normaliseTarget(target);
    if (!this.isKnownTarget(key)) {
      throw new Error(
        `Unknown fault target "${target}": use an operationId, "METHOD /path/", a path template or "*"`,
      );
    }
    if (spec.errorRate !== undefined && (spec.errorRate < 0 || spec.errorRate > 1)) {
      throw new RangeError('errorRate must be between 0 and 1');
    }
    this.faults.set(key, { spec: { ...spec }, rng: seededRandom(spec.seed ?? 1) });
  }

  clear(): void {
    this.faults.clear();
  }

  get size(): number {
    return this.faults.size;
  }

  decide(operationId: string | undefined, method: string, template: string | undefined): FaultDecision {
    const fault =
      this.faults.size === 0
        ? undefined
        : (operationId && this.faults.get(operationId)) ||
          (template && (this.faults.get(`${method} ${template}`) ?? this.faults.get(template))) ||
          this.faults.get('*');
    if (!fault) return { latencyMs: this.globalLatencyMs, hang: false, status: null };
    const { spec } = fault;
    let status: number | null = null;
    if (spec.errorRate !== undefined) {
      if (fault.rng() < spec.errorRate) status = spec.status ?? 503;
    } else if (spec.status !== undefined) {
      status = spec.status;
    }
    return { latencyMs: this.globalLatencyMs + (spec.latencyMs ?? 0), hang: spec.hang === true, status };
  }
}

function normaliseTarget(target: string): string {
  const t = target.trim();
  const m = /^(GET|POST|PUT|PATCH|DELETE)\s+(\/\S*)$/i.exec(t);
  if (m) return `${m[1]?.toUpperCase()} ${withSlash(m[2] ?? '/')}`;
  return t.startsWith('/') ? withSlash(t) : t;
}

function withSlash(p: string): string {
  return p.endsWith('/') ? p : `${p}/`;
}
