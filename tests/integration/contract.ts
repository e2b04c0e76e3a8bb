/**
 * docs/api/openapi.yaml as a validator: the schema the document gives for an operation's status,
 * and JSON Schema validation (Ajv, 2020-12) of a body against a component schema.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { parse } from 'yaml';

export type Method = 'get' | 'post';

interface Reference {
  $ref: string;
}
interface ResponseObject {
  content?: Record<string, { schema: Reference | object }>;
}
interface Operation {
  responses: Record<string, ResponseObject | Reference>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Record<string, object>; responses: Record<string, ResponseObject> };
}

export const doc = parse(
  readFileSync(new URL('../../docs/api/openapi.yaml', import.meta.url), 'utf8'),
) as OpenApiDocument;

// Positions are open tuples ([lon, lat] plus an optional altitude), which strict tuples forbid.
export const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
addFormats(ajv);
const SCHEMA_ID = 'https://cityops.test/openapi.json';
/** Component schemas as one JSON Schema document (`#/components/schemas/X` → `#/$defs/X`). */
ajv.addSchema({
  $id: SCHEMA_ID,
  $defs: JSON.parse(
    JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
  ) as object,
});

function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/** The documented response of an operation for a status. */
export function documentedResponse(path: string, method: Method, status: number): ResponseObject {
  const operation = doc.paths[path]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
  const declared = operation.responses[String(status)];
  if (!declared) throw new Error(`${method.toUpperCase()} ${path} does not document ${status}`);
  return isReference(declared)
    ? doc.components.responses[declared.$ref.replace('#/components/responses/', '')]!
    : declared;
}

/** The component schema name of an operation's JSON response for a status. */
export function documentedSchema(path: string, method: Method, status: number): string {
  const schema = documentedResponse(path, method, status).content?.['application/json']?.schema;
  if (!isReference(schema))
    throw new Error(`${method.toUpperCase()} ${path} ${status} has no application/json schema`);
  return schema.$ref.replace('#/components/schemas/', '');
}

/** Validation errors of a body against a component schema (empty when valid). */
export function schemaErrors(schemaName: string, body: unknown): ErrorObject[] {
  const validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  return validate(body) ? [] : (validate.errors ?? []).slice(0, 5);
}

export function hasSchema(schemaName: string): boolean {
  return typeof ajv.getSchema(`${SCHEMA_ID}#/$defs/${schemaName}`) === 'function';
}

/** Every documented `METHOD path status`. */
export function documentedOperations(): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) =>
      Object.keys(operation.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`),
    ),
  );
}
