import { isWs } from './chars';

export const DQUOTE = 0x22;
export const SEMI = 0x3b;
export const EQUAL = 0x3d;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const LAQUOT = 0x3c;
export const RAQUOT = 0x3e;
const BACKSLASH = 0x5c;

/** A quoted-string as written (`raw`, quotes included) and with quoted-pairs resolved (`value`). */
export interface QuotedString {
  readonly raw: string;
  readonly value: string;
}

/**
 * A forward-only reader over an unfolded header value. Every method is linear in what it consumes, and on failure
 * either returns undefined or leaves the position where it was.
 */
export class Cursor {
  pos = 0;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** The code unit at the position, or -1 at the end. */
  peek(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }

  skipWs(): boolean {
    const start = this.pos;
    while (isWs(this.peek())) this.pos++;
    return this.pos > start;
  }

  eat(c: number): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }

  /** `SWS c SWS`: the SEMI, EQUAL, SLASH, COLON and COMMA separators of RFC 3261 §25.1. */
  eatSeparator(c: number): boolean {
    const start = this.pos;
    this.skipWs();
    if (this.eat(c)) {
      this.skipWs();
      return true;
    }
    this.pos = start;
    return false;
  }

  readWhile(accept: (c: number) => boolean): string {
    const start = this.pos;
    while (this.pos < this.text.length && accept(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Reads up to (not including) the first occurrence of `c`; undefined (position unchanged) if there is none. */
  readUntil(c: number): string | undefined {
    const end = this.text.indexOf(String.fromCharCode(c), this.pos);
    if (end < 0) return undefined;
    const value = this.text.slice(this.pos, end);
    this.pos = end;
    return value;
  }

  rest(): string {
    const value = this.text.slice(this.pos);
    this.pos = this.text.length;
    return value;
  }

  /**
   * quoted-string = DQUOTE *(qdtext / quoted-pair) DQUOTE, at the position. qdtext is LWS / %x21 / %x23-5B /
   * %x5D-7E / UTF8-NONASCII; quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F).
   */
  readQuotedString(): QuotedString | undefined {
    const start = this.pos;
    if (!this.eat(DQUOTE)) return undefined;
    let value = '';
    let runStart = this.pos;
    for (;;) {
      const c = this.peek();
      if (c < 0) break;
      if (c === DQUOTE) {
        value += this.text.slice(runStart, this.pos);
        this.pos++;
        return { raw: this.text.slice(start, this.pos), value };
      }
      if (c === BACKSLASH) {
        const next = this.text.charCodeAt(this.pos + 1);
        if (!(next >= 0 && next <= 0x7f) || next === 0x0a || next === 0x0d) break;
        value += this.text.slice(runStart, this.pos) + this.text[this.pos + 1];
        this.pos += 2;
        runStart = this.pos;
        continue;
      }
      if (!(isWs(c) || (c >= 0x21 && c !== 0x7f))) break;
      this.pos++;
    }
    this.pos = start;
    return undefined;
  }
}
