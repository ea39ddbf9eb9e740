/**
 * A small JSON Schema (2020-12) validator for the keywords the OpenAPI document uses, strict about keywords it does
 * not know (so a schema feature it would silently ignore fails the test instead). Returns the list of problems.
 */
type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', 'format', 'readOnly', 'writeOnly', 'deprecated']);
const KNOWN = new Set([
  ...ANNOTATIONS,
  '$ref', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'prefixItems',
  'minItems', 'maxItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'anyOf', 'oneOf', 'allOf', 'not',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

export function validate(schema: Schema, value: unknown, root: Record<string, unknown>, at = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: no value is allowed here`];
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`validator does not know the keyword "${key}" (at ${at})`);
  const problems: string[] = [];
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    const target = s.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], root);
    if (target === undefined) return [`${at}: unresolved ${s.$ref}`];
    problems.push(...validate(target as Schema, value, root, at));
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((type) => matchesType(value, type))) return [...problems, `${at}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if (s.enum !== undefined && !(s.enum as unknown[]).some((option) => JSON.stringify(option) === JSON.stringify(value))) problems.push(`${at}: not one of ${JSON.stringify(s.enum)}`);
  if (s.const !== undefined && JSON.stringify(s.const) !== JSON.stringify(value)) problems.push(`${at}: must be ${JSON.stringify(s.const)}`);
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) problems.push(`${at}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) problems.push(`${at}: longer than ${s.maxLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) problems.push(`${at}: does not match ${s.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) problems.push(`${at}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) problems.push(`${at}: above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) problems.push(`${at}: not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) problems.push(`${at}: not below ${s.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) problems.push(`${at}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) problems.push(`${at}: more than ${s.maxItems} items`);
    const prefix = (s.prefixItems as Schema[] | undefined) ?? [];
    value.forEach((item, index) => {
      const itemSchema = index < prefix.length ? prefix[index] : (s.items as Schema | undefined);
      if (itemSchema !== undefined) problems.push(...validate(itemSchema, item, root, `${at}[${index}]`));
    });
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in object)) problems.push(`${at}: missing ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (properties[key] !== undefined) problems.push(...validate(properties[key], item, root, `${at}.${key}`));
      else if (s.additionalProperties !== undefined) problems.push(...validate(s.additionalProperties as Schema, item, root, `${at}.${key}`));
      if (s.propertyNames !== undefined) problems.push(...validate(s.propertyNames as Schema, key, root, `${at}{${key}}`));
    }
  }
  if (Array.isArray(s.allOf)) for (const part of s.allOf as Schema[]) problems.push(...validate(part, value, root, at));
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((part) => validate(part, value, root, at).length === 0)) problems.push(`${at}: matches none of anyOf`);
  if (Array.isArray(s.oneOf)) {
    const matching = (s.oneOf as Schema[]).filter((part) => validate(part, value, root, at).length === 0).length;
    if (matching !== 1) problems.push(`${at}: matches ${matching} of oneOf, not exactly one`);
  }
  if (s.not !== undefined && validate(s.not as Schema, value, root, at).length === 0) problems.push(`${at}: matches "not"`);
  return problems;
}
