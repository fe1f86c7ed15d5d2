/**
 * The open WebSocket connections of this replica, by tenant: the socket bound counts them and the
 * credential sweep walks them. Counts are per replica on purpose (README "Subscriptions"): a socket holds
 * this process's memory and file descriptors, so the bound protects the replica; behind N replicas a
 * tenant can hold at most N × WS_MAX_SOCKETS_PER_TENANT, and no Redis round trip (or stale count left by a
 * crashed replica) sits in front of every connection.
 */
export class WsConnections<C extends object> {
  private readonly byTenant = new Map<string, Set<C>>();
  private readonly tenantOf = new Map<C, string>();

  add(tenantId: string, conn: C): void {
    let set = this.byTenant.get(tenantId);
    if (!set) this.byTenant.set(tenantId, (set = new Set()));
    set.add(conn);
    this.tenantOf.set(conn, tenantId);
  }

  /** Safe to call twice (a socket the sweep closed also reaches onClose). */
  remove(conn: C): void {
    const tenantId = this.tenantOf.get(conn);
    if (tenantId === undefined) return;
    this.tenantOf.delete(conn);
    const set = this.byTenant.get(tenantId);
    set?.delete(conn);
    if (set?.size === 0) this.byTenant.delete(tenantId);
  }

  count(tenantId: string): number {
    return this.byTenant.get(tenantId)?.size ?? 0;
  }

  all(): C[] {
    return [...this.tenantOf.keys()];
  }
}
