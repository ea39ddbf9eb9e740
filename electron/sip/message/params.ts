import { F_TOKEN, is } from './chars';
import { DQUOTE, EQUAL, SEMI, type Cursor } from './cursor';
import { parseIPv6 } from './host';
import { unquoteString } from './quoting';

/**
 * A header parameter (`;name` or `;name=value`). `value` is kept as written: a token, a host, or a quoted-string
 * with its quotes, so that re-serialising is exact. Use getParam for the unquoted value.
 */
export interface Param {
  name: string;
  value?: string;
}

/** Reads a parameter value after EQUAL; undefined if malformed. `name` lets callers special-case parameters. */
export type ParamValueReader = (cursor: Cursor, name: string) => string | undefined;

/** gen-value = token / host / quoted-string */
export const readGenValue: ParamValueReader = (cursor) => {
  const c = cursor.peek();
  if (c === DQUOTE) return cursor.readQuotedString()?.raw;
  if (c === 0x5b) {
    const start = cursor.pos;
    const inner = cursor.readUntil(0x5d);
    if (inner === undefined || parseIPv6(inner.slice(1)) === undefined) {
      cursor.pos = start;
      return undefined;
    }
    cursor.pos++;
    return cursor.text.slice(start, cursor.pos);
  }
  const token = cursor.readWhile((ch) => is(ch, F_TOKEN));
  return token.length > 0 ? token : undefined;
};

/**
 * Reads `*( SEMI generic-param )` with generic-param = token [ EQUAL gen-value ]. Stops before anything that is not
 * a SEMI; returns undefined if a parameter after a SEMI is malformed (e.g. `;;` in RFC 4475 §3.1.2.1).
 */
export function readParams(cursor: Cursor, readValue: ParamValueReader = readGenValue): Param[] | undefined {
  const params: Param[] = [];
  while (cursor.eatSeparator(SEMI)) {
    const name = cursor.readWhile((c) => is(c, F_TOKEN));
    if (name.length === 0) return undefined;
    if (cursor.eatSeparator(EQUAL)) {
      const value = readValue(cursor, name.toLowerCase());
      if (value === undefined) return undefined;
      params.push({ name, value });
    } else {
      params.push({ name });
    }
  }
  return params;
}

export function serializeParams(params: readonly Param[]): string {
  let out = '';
  for (const param of params) out += param.value === undefined ? `;${param.name}` : `;${param.name}=${param.value}`;
  return out;
}

export function findParam(params: readonly Param[], name: string): Param | undefined {
  const key = name.toLowerCase();
  return params.find((param) => param.name.toLowerCase() === key);
}

export function hasParam(params: readonly Param[], name: string): boolean {
  return findParam(params, name) !== undefined;
}

/** The parameter's value, unquoted; '' for a parameter without a value; undefined if absent. */
export function getParam(params: readonly Param[], name: string): string | undefined {
  const param = findParam(params, name);
  if (param === undefined) return undefined;
  return param.value === undefined ? '' : unquoteString(param.value);
}

/** Replaces (or appends) a parameter; `value` is written as given (quote it yourself if it is not a token). */
export function setParam(params: Param[], name: string, value?: string): void {
  const key = name.toLowerCase();
  const index = params.findIndex((param) => param.name.toLowerCase() === key);
  const param: Param = value === undefined ? { name } : { name, value };
  if (index >= 0) params[index] = param;
  else params.push(param);
}
