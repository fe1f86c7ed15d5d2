import type { AppConfig } from '../config/app-config';

/**
 * Where Barrack lives. A provider of its own because in embedded mode the simulator's URL is only known once
 * bootstrap has started it; everything that speaks to Barrack reads the URL from here, never from config.
 * `baseUrl` is undefined only in embedded mode before a simulator was given.
 */
export class BarrackEndpoint {
  constructor(readonly baseUrl: string | undefined) {}

  static fromConfig(config: AppConfig, override?: string): BarrackEndpoint {
    return new BarrackEndpoint(override ?? config.BARRACK_BASE_URL);
  }
}

/** Optional token bootstrap provides (globally) to point the client at a URL chosen at start-up. */
export const BARRACK_BASE_URL_OVERRIDE = Symbol('BARRACK_BASE_URL_OVERRIDE');
