/**
 * A small JSON Schema (draft 2020-12) checker for the keywords the scenario schemas use, so
 * the tests can hold the hand-written schema files against the zod schemas without a
 * validator package. Returns the JSON paths that fail.
 */
type Schema = Record<string, unknown>;

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    default:
      throw new Error(`the test checker does not know type ${type}`);
  }
}

const KNOWN = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'properties',
  'additionalProperties',
  'required',
  'const',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'oneOf',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
]);

export function jsonSchemaErrors(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const check = (schema: Schema, v: unknown, path: string) => {
    for (const key of Object.keys(schema)) {
      if (!KNOWN.has(key))
        throw new Error(`the test checker does not know keyword ${key} at ${path}`);
    }
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace('#/$defs/', '');
      check((root.$defs as Record<string, Schema>)[name]!, v, path);
    }
    if (schema.oneOf) {
      const passing = (schema.oneOf as Schema[]).filter((option) => {
        const before = errors.length;
        check(option, v, path);
        const ok = errors.length === before;
        errors.length = before;
        return ok;
      });
      if (passing.length !== 1) errors.push(`${path}: oneOf`);
    }
    if (typeof schema.type === 'string' && !typeOk(schema.type, v)) {
      errors.push(`${path}: type`);
      return;
    }
    if ('const' in schema && schema.const !== v) errors.push(`${path}: const`);
    if (schema.enum && !(schema.enum as unknown[]).includes(v)) errors.push(`${path}: enum`);
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) errors.push(`${path}: minimum`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) errors.push(`${path}: maximum`);
    }
    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && v.length < schema.minLength)
        errors.push(`${path}: minLength`);
      if (typeof schema.maxLength === 'number' && v.length > schema.maxLength)
        errors.push(`${path}: maxLength`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v))
        errors.push(`${path}: pattern`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems)
        errors.push(`${path}: minItems`);
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems)
        errors.push(`${path}: maxItems`);
      if (schema.uniqueItems && new Set(v.map((x) => JSON.stringify(x))).size !== v.length)
        errors.push(`${path}: uniqueItems`);
      if (schema.items)
        v.forEach((item, i) => check(schema.items as Schema, item, `${path}[${i}]`));
    }
    if (typeOk('object', v) && (schema.properties || schema.required)) {
      const record = v as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      for (const key of (schema.required ?? []) as string[]) {
        if (!(key in record)) errors.push(`${path}.${key}: required`);
      }
      for (const [key, child] of Object.entries(record)) {
        if (properties[key]) check(properties[key], child, path ? `${path}.${key}` : key);
        else if (schema.additionalProperties === false)
          errors.push(`${path ? `${path}.` : ''}${key}: additionalProperties`);
      }
    }
  };
  check(root, value, '');
  return errors;
}

/** Every property path of a schema (`levers.leaverRateMultipliers.ect1`), through $ref and oneOf. */
export function schemaPaths(root: Schema): Map<string, Schema> {
  const paths = new Map<string, Schema>();
  const walk = (schema: Schema, path: string) => {
    if (typeof schema.$ref === 'string') {
      walk((root.$defs as Record<string, Schema>)[schema.$ref.replace('#/$defs/', '')]!, path);
    }
    for (const option of (schema.oneOf ?? []) as Schema[]) walk(option, path);
    if (schema.items) walk(schema.items as Schema, `${path}[]`);
    for (const [key, child] of Object.entries(
      (schema.properties ?? {}) as Record<string, Schema>,
    )) {
      const childPath = path ? `${path}.${key}` : key;
      paths.set(childPath, { ...paths.get(childPath), ...child });
      walk(child, childPath);
    }
  };
  walk(root, '');
  return paths;
}
