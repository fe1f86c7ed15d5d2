/**
 * Process-wide lifecycle facts health checks report. Set by bootstrap when a shutdown starts, so readiness
 * turns 503 and load balancers stop routing here while in-flight requests drain.
 */
export class GatewayLifecycle {
  draining = false;
}
