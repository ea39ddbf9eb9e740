import type { DialogStateSource } from './dialogEventService';
import { buildDialogInfoTemplate, type DialogInfoTemplate } from './dialogInfoXml';

/**
 * Each watched extension's current dialog-info, built once per change and shared by all its watchers (RFC 4235 §3.7:
 * every NOTIFY carries the full state). `changed` drops an extension's document; the next NOTIFY builds it anew.
 */
export class DialogDocuments {
  private readonly templates = new Map<string, DialogInfoTemplate>();

  constructor(
    private readonly domain: string,
    private readonly state: DialogStateSource,
  ) {}

  /** The document for `extension` numbered `version`; kept for the next watcher only when `keep` (it has watchers). */
  body(extension: string, version: number, keep: boolean): string {
    let template = this.templates.get(extension);
    if (template === undefined) {
      template = this.build(extension);
      if (keep) this.templates.set(extension, template);
    }
    return template(version);
  }

  changed(extension: string): void {
    this.templates.delete(extension);
  }

  get size(): number {
    return this.templates.size;
  }

  /** Every live dialog of the extension, or offline when it has none and no registered contact. */
  private build(extension: string): DialogInfoTemplate {
    const dialogs = this.state.dialogsOf(extension);
    return buildDialogInfoTemplate({
      state: 'full',
      entity: `sip:${extension}@${this.domain}`,
      dialogs,
      offline: dialogs.length === 0 && !this.state.isRegistered(extension),
    });
  }
}
