import { ServerTransactionBase } from './serverTransactionBase';

/**
 * The non-INVITE server transaction, NIST (RFC 3261 §17.2.2, Figure 8): Trying → (1xx) Proceeding → (final)
 * Completed → (Timer J) Terminated. Timer J is 64*T1 on an unreliable flow and zero on a reliable one, so over
 * WebSocket the transaction ends as soon as the final response is sent.
 */
export class NonInviteServerTransaction extends ServerTransactionBase {
  receiveRetransmission(): void {
    // Trying: nothing sent yet, discard; Proceeding and Completed: resend the last response.
    if (this.state === 'proceeding' || this.state === 'completed') this.retransmitLastResponse();
  }

  protected sendResponse(status: number, text: string): boolean {
    this.lastResponse = text;
    if (status < 200) {
      this.state = 'proceeding';
      return this.transmit(text);
    }
    this.finalResponseSent = true;
    this.state = 'completed';
    if (!this.transmit(text)) return false;
    if (this.durations.TIMER_J === 0) this.terminate('normal');
    else this.timers.start('TIMER_J', this.durations.TIMER_J, () => this.terminate('normal'));
    return true;
  }
}
