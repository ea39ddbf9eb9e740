import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Pbx } from '../../pbx';

/** The admin API and provisioning documents of the embedded PBX. */
const PBX_PATHS = /^\/(api|provisioning)(\/|\?|$)/;
const NO_PBX_HERE = 'This device belongs to a site PBX and runs none of its own: its admin console and provisioning are there';

/**
 * The device host's own PBX, which runs only while the device does not belong to a site PBX elsewhere (README, "Site
 * deployment"). `want(false)` stops it, `want(true)` starts it again; the changes run one after the other, so a quick
 * toggle never leaves two PBXs on one data directory.
 */
export class EmbeddedPbx {
  private pbx: Pbx | null = null;
  private queue: Promise<void> = Promise.resolve();
  private wanted = false;

  constructor(
    private readonly start: () => Promise<Pbx>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The running PBX, or null while the device belongs to a site PBX elsewhere. */
  get current(): Pbx | null {
    return this.pbx;
  }

  /** Starts or stops the PBX; resolves when it is in the wanted state (or the attempt failed and was reported). */
  want(running: boolean): Promise<void> {
    this.wanted = running;
    this.queue = this.queue.then(() => this.settle()).catch((error: unknown) => this.onError(error));
    return this.queue;
  }

  /** Like want(true), but the first start's failure (a port or lock problem) is the caller's. */
  async startNow(): Promise<void> {
    this.wanted = true;
    await this.settle();
  }

  /** The PBX's HTTP paths; while there is no PBX here they answer 404 with where to go, never the app shell. */
  handleHttp(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.pbx) return this.pbx.handleHttp(request, response);
    if (!PBX_PATHS.test(request.url ?? '/')) return false;
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${NO_PBX_HERE}\n`);
    return true;
  }

  handleSipUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, secure: boolean): void {
    if (this.pbx) this.pbx.handleSipUpgrade(request, socket, head, secure);
    else socket.end(`HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n${NO_PBX_HERE}\r\n`);
  }

  stop(): Promise<void> {
    return this.want(false);
  }

  private async settle(): Promise<void> {
    if (this.wanted && !this.pbx) this.pbx = await this.start();
    else if (!this.wanted && this.pbx) {
      const running = this.pbx;
      this.pbx = null;
      await running.stop();
    }
  }
}
