import { parseArgs } from 'node:util';
import { z } from 'zod';

/** A command line the program cannot run with; the message is for the person who typed it. */
export class CliError extends Error {}

/** The tokens of `argv` as node:util parseArgs reads them: `values` take a value, `switches` stand alone. */
function tokensOf(argv: readonly string[], values: readonly string[], switches: readonly string[]) {
  const options = Object.fromEntries([
    ...values.map((name) => [name, { type: 'string' as const }]),
    ...switches.map((name) => [name, { type: 'boolean' as const }]),
  ]);
  return parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

type Token = ReturnType<typeof tokensOf>[number];

function isOptionIn(token: Token, names: readonly string[]): token is Extract<Token, { kind: 'option' }> {
  return token.kind === 'option' && names.includes(token.name);
}

/**
 * The values of `--name value` / `--name=value` for each of `values` (the last one wins), and `true` for each of
 * `switches` given (`--name`, never with a value). Anything else — an unknown option, a positional argument, a flag
 * without its value — is refused with a CliError that names it.
 */
export function readFlags<Value extends string, Switch extends string = never>(
  argv: readonly string[],
  values: readonly Value[],
  switches: readonly Switch[] = [],
): Partial<Record<Value, string> & Record<Switch, true>> {
  const flags: Partial<Record<string, string | true>> = {};
  const known = [...values, ...switches].map((name) => `--${name}`).join(', ');
  for (const token of tokensOf(argv, values, switches)) {
    const unknown = new CliError(`Unknown option "${argv[token.index]}" (known: ${known})`);
    if (token.kind !== 'option') throw unknown;
    if (switches.includes(token.name as Switch)) {
      if (token.value !== undefined) throw unknown;
      flags[token.name] = true;
    } else if (values.includes(token.name as Value)) {
      if (token.value === undefined) throw new CliError(`--${token.name} needs a value`);
      flags[token.name] = token.value;
    } else throw unknown;
  }
  return flags as Partial<Record<Value, string> & Record<Switch, true>>;
}

/**
 * The arguments of `argv` that are these flags, as they were written (`--port=0`, or `--data-dir` and its value, or a
 * switch), leaving out everything else — for a command line shared with another program (Electron's executable, app
 * path and Chromium switches). A flag without its value is kept, so that readFlags can explain it.
 */
export function pickFlags(argv: readonly string[], values: readonly string[], switches: readonly string[] = []): string[] {
  return tokensOf(argv, values, switches)
    .filter((token) => isOptionIn(token, [...values, ...switches]))
    .flatMap((token) => (token.inlineValue === false ? argv.slice(token.index, token.index + 2) : [argv[token.index] as string]));
}

const portSchema = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().max(65_535));

/** A TCP port to listen on (0: any free one). */
export function parsePort(text: string): number {
  const parsed = portSchema.safeParse(text);
  if (!parsed.success) throw new CliError(`--port must be a TCP port (0-65535), got "${text}"`);
  return parsed.data;
}

/** A `--mode` value checked against `schema` (an enum of the modes this program runs in). */
export function parseMode<Mode extends string>(text: string, schema: z.ZodEnum<{ [M in Mode]: M }>): Mode {
  const parsed = schema.safeParse(text);
  if (parsed.success) return parsed.data as Mode;
  const modes = schema.options as string[];
  throw new CliError(`--mode must be ${modes.slice(0, -1).join(', ')} or ${modes.at(-1)}, got "${text}"`);
}

/** The PEM files for TLS (HTTPS/WSS): both or neither. */
export function parseTls(cert: string | undefined, key: string | undefined): { cert: string; key: string } | null {
  if ((cert === undefined) !== (key === undefined)) throw new CliError('--tls-cert and --tls-key go together');
  return cert !== undefined && key !== undefined ? { cert, key } : null;
}

/** A comma-separated list of host names (`kiosk1.lan, kiosk2.lan`), each checked against `pattern`. */
export function parseHostNames(text: string, flag: string, pattern: RegExp): string[] {
  const names = text.split(',').map((name) => name.trim()).filter(Boolean);
  const bad = names.find((name) => !pattern.test(name));
  if (bad !== undefined) throw new CliError(`--${flag} takes host names separated by commas, got "${bad}"`);
  return names;
}
