import { buildResponse, serializeSipMessage } from '../message';
import { ServerTransactionBase } from './serverTransactionBase';

/**
 * The INVITE server transaction, IST (RFC 3261 §17.2.1, Figure 7): Proceeding → (2xx) Terminated, or
 * → (300-699) Completed → (ACK) Confirmed → Terminated. Over a reliable flow Timer G is not started and Timer I is
 * zero; Timer H (64*T1 waiting for the ACK) always runs.
 *
 * A 2xx terminates the transaction (RFC 3261, not RFC 6026's Accepted state): the ACK for it reaches the TU through
 * onAck, and retransmitting the 2xx on an unreliable flow is the TU's job (§13.3.1.4, see dialog/uasInvite).
 */
export class InviteServerTransaction extends ServerTransactionBase {
  private retransmitInterval = 0;

  /** §17.2.1: sent at once (the TU may take longer than 200 ms, e.g. when it forwards the INVITE). */
  sendTrying(): void {
    const trying = serializeSipMessage(buildResponse(this.request, 100));
    this.lastResponse = trying;
    this.transmit(trying);
  }

  receiveRetransmission(): void {
    // Proceeding: resend the last provisional; Completed: the final; Confirmed: absorb silently.
    if (this.state === 'proceeding' || this.state === 'completed') this.retransmitLastResponse();
  }

  /** An ACK for our non-2xx final response (same branch as the INVITE). */
  receiveAck(): void {
    if (this.state !== 'completed') return;
    this.state = 'confirmed';
    this.timers.stop('TIMER_G');
    this.timers.stop('TIMER_H');
    this.startTimerI();
  }

  protected sendResponse(status: number, text: string): boolean {
    this.lastResponse = text;
    if (status < 200) return this.transmit(text);
    this.finalResponseSent = true;
    if (status < 300) {
      const sent = this.transmit(text);
      this.terminate('normal');
      return sent;
    }
    this.state = 'completed';
    if (!this.transmit(text)) return false;
    if (this.durations.TIMER_G !== undefined) {
      this.retransmitInterval = this.durations.TIMER_G;
      this.timers.start('TIMER_G', this.retransmitInterval, () => this.fireTimerG());
    }
    // Timer H: no ACK within 64*T1 is a transaction failure reported to the TU as 'timeout'.
    this.timers.start('TIMER_H', this.durations.TIMER_H, () => this.terminate('timeout'));
    return true;
  }

  /** Retransmits the final response, doubling the interval up to T2. */
  private fireTimerG(): void {
    if (this.state !== 'completed') return;
    this.retransmitLastResponse();
    if (this.state !== 'completed') return;
    this.retransmitInterval = Math.min(2 * this.retransmitInterval, this.context.timerBase.T2);
    this.timers.start('TIMER_G', this.retransmitInterval, () => this.fireTimerG());
  }

  /** Confirmed absorbs retransmitted ACKs for Timer I (T4 unreliable, zero reliable). */
  private startTimerI(): void {
    if (this.durations.TIMER_I === 0) this.terminate('normal');
    else this.timers.start('TIMER_I', this.durations.TIMER_I, () => this.terminate('normal'));
  }
}
