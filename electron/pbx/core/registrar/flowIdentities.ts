/**
 * The users that have authenticated on each flow. A request arriving on a WebSocket over which its From user has
 * registered with digest credentials is trusted without a second challenge (the flow is the credential, as in
 * RFC 5626 §5.3); anything else is challenged.
 */
export class FlowIdentities {
  private readonly byFlow = new Map<string, Set<string>>();

  add(flowId: string, user: string): void {
    let users = this.byFlow.get(flowId);
    if (!users) this.byFlow.set(flowId, (users = new Set()));
    users.add(user);
  }

  has(flowId: string, user: string): boolean {
    return this.byFlow.get(flowId)?.has(user) ?? false;
  }

  /** The user may no longer act over this flow without authenticating again (a hot-desk logout). */
  remove(flowId: string, user: string): void {
    const users = this.byFlow.get(flowId);
    users?.delete(user);
    if (users?.size === 0) this.byFlow.delete(flowId);
  }

  flowClosed(flowId: string): void {
    this.byFlow.delete(flowId);
  }
}
