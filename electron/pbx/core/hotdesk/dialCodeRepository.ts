import { findHotDeskClashes, type DialCodes } from '../../../../shared/domain/dialCodes';
import type { DocumentStore } from '../../store';
import type { ChangeFeed } from './changeFeed';
import { HotDeskError } from './hotDeskErrors';

export const DIAL_CODE_LABELS: Record<keyof DialCodes, string> = { login: 'login', logout: 'logout', voicemail: 'voicemail', pickup: 'pickup' };

/** The PBX's system dial codes; a set with another code starting with `*7` is refused (README, "Hot desking at the PBX"). */
export class DialCodeRepository {
  constructor(private readonly deps: { store: DocumentStore<DialCodes>; changes: ChangeFeed }) {}

  get(): DialCodes {
    return this.deps.store.read();
  }

  async set(codes: DialCodes): Promise<DialCodes> {
    checkDialCodes(codes);
    const saved = await this.deps.store.update(() => ({ next: { ...codes }, result: { ...codes } }));
    this.deps.changes.emit({ type: 'dial-codes.updated' });
    return saved;
  }
}

/** Throws HotDeskError `dial-code-clash` naming the clashing codes, or `conflict` when two codes are the same. */
export function checkDialCodes(codes: DialCodes): void {
  const clashes = findHotDeskClashes(codes);
  if (clashes.length > 0) {
    const named = clashes.map((key) => `${DIAL_CODE_LABELS[key]} (${codes[key]})`).join(', ');
    throw new HotDeskError(
      'dial-code-clash',
      `These dial codes start with *7, which is reserved for hot desking — hot-desk logins would be refused "forbidden": ${named}`,
      clashes[0] ?? null,
      { clashes },
    );
  }
  const keys = Object.keys(codes) as Array<keyof DialCodes>;
  for (const [index, key] of keys.entries()) {
    const twin = keys.slice(index + 1).find((other) => codes[other] === codes[key]);
    if (twin) throw new HotDeskError('conflict', `The ${DIAL_CODE_LABELS[key]} and ${DIAL_CODE_LABELS[twin]} dial codes are both ${codes[key]}`, twin, { clashes: [key, twin] });
  }
}
