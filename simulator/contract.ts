// Checks every request and response against the OpenAPI document with ajv, and keeps the violations.
//
// The document is Swagger-2.0-converted Cloud Endpoints output, so its schemas are read with the Endpoints
// JSON conventions, applied as mechanical rewrites of the document's own schemas:
// - `type: integer, format: int64` is sent as a JSON string of digits (Endpoints writes Java longs as strings);
// - empty values are never sent (Jackson NON_EMPTY): strings need minLength 1, arrays minItems 1;
// - objects carry only the declared properties (additionalProperties: false), so the simulator cannot drift.
// Error bodies are not in the document (it declares only 200s); they are checked against the shape AODocs
// documents in "HTTP status codes and error handling" (docs/SOURCES.md#aodocs-error-body).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OPERATION_IDS, type OperationName } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ContractViolation {
  time: string;
  operation: OperationName | 'unknown';
  /** e.g. "request.query", "request.route", "response.body". */
  what: string;
  details: string;
  method: string;
  /** The raw path, without the query string (which may hold a security code). */
  path: string;
}

export interface RequestCheck {
  /** Query values converted to their declared types, with the document's defaults filled in. */
  query: Record<string, unknown>;
  /** True when a value breaks its schema: AODocs answers such requests with 400. */
  invalid: boolean;
  problems: string[];
}

interface OperationContract {
  knownQuery: Set<string>;
  checkPath: ValidateFunction;
  checkQuery: ValidateFunction;
  checkOk: ValidateFunction;
}

const BUNDLE_ID = 'aodocs-job';
const INT64_MAX = 2n ** 63n - 1n;

export function loadOpenApiDocument(): JsonObject {
  return JSON.parse(readFileSync(join(__dirname, 'job.openapi.json'), 'utf8')) as JsonObject;
}

const errorBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['errors', 'code', 'message'],
      properties: {
        errors: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['domain', 'reason', 'message'],
            properties: { domain: { type: 'string' }, reason: { type: 'string' }, message: { type: 'string' } },
          },
        },
        code: { type: 'integer' },
        message: { type: 'string' },
      },
    },
  },
};

function asObject(value: Json | undefined): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/** The document's schema rewritten to the wire conventions above, with $refs pointing into the bundle. */
function toWireSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toWireSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = schema.$ref;
  if (typeof ref === 'string') return { $ref: ref.replace('#/components/schemas/', `${BUNDLE_ID}#/$defs/`) };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'enum' ? value : toWireSchema(value);
  if (out.type === 'integer' && out.format === 'int64') return { ...out, type: 'string', format: 'int64-string' };
  if (out.type === 'string' && !out.enum) out.minLength = 1;
  if (out.type === 'array') out.minItems = 1;
  if (out.type === 'object' && out.properties) out.additionalProperties = false;
  return out;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

export class ContractChecker {
  private readonly operations = new Map<OperationName, OperationContract>();
  private readonly checkError: ValidateFunction;
  private readonly recorded: ContractViolation[] = [];

  constructor(document: JsonObject = loadOpenApiDocument()) {
    // Requests: query strings are converted to the declared types, and defaults are filled in.
    const requestAjv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true });
    addFormats(requestAjv);
    const responseAjv = new Ajv({ allErrors: true });
    addFormats(responseAjv);
    responseAjv.addFormat('int64-string', {
      type: 'string',
      validate: (text: string) =>
        /^-?\d{1,19}$/.test(text) && BigInt(text) <= INT64_MAX && BigInt(text) >= -INT64_MAX - 1n,
    });
    const components = asObject(document.components);
    responseAjv.addSchema({ $id: BUNDLE_ID, $defs: toWireSchema(components.schemas ?? {}) });
    this.checkError = responseAjv.compile(errorBodySchema);

    const operationNames = new Map(Object.entries(OPERATION_IDS).map(([name, id]) => [id, name as OperationName]));
    for (const pathItem of Object.values(asObject(document.paths))) {
      for (const operation of Object.values(asObject(pathItem))) {
        const name = operationNames.get(String(asObject(operation).operationId));
        if (name)
          this.operations.set(name, this.compileOperation(asObject(operation), components, requestAjv, responseAjv));
      }
    }
    for (const name of Object.keys(OPERATION_IDS)) {
      if (!this.operations.has(name as OperationName)) throw new Error(`The OpenAPI document lacks operation ${name}`);
    }
  }

  private compileOperation(
    operation: JsonObject,
    components: JsonObject,
    requestAjv: Ajv,
    responseAjv: Ajv,
  ): OperationContract {
    const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map((p) => {
      const ref = asObject(p).$ref;
      return typeof ref === 'string'
        ? asObject(asObject(components.parameters)[ref.replace('#/components/parameters/', '')])
        : asObject(p);
    });
    const objectSchema = (location: string) => {
      const inLocation = parameters.filter((p) => p.in === location);
      return {
        type: 'object',
        properties: Object.fromEntries(inLocation.map((p) => [String(p.name), p.schema ?? {}])),
        required: inLocation.filter((p) => p.required === true).map((p) => String(p.name)),
      };
    };
    const okSchema = asObject(
      asObject(asObject(asObject(operation.responses)['200']).content)['application/json'],
    ).schema;
    return {
      knownQuery: new Set(parameters.filter((p) => p.in === 'query').map((p) => String(p.name))),
      checkPath: requestAjv.compile(objectSchema('path')),
      checkQuery: requestAjv.compile(objectSchema('query')),
      checkOk: responseAjv.compile(toWireSchema(okSchema ?? {}) as object),
    };
  }

  /** Checks path and query parameters and whether a body was sent (none of the four operations takes one). */
  checkRequest(
    operation: OperationName,
    pathParams: Record<string, string>,
    query: URLSearchParams,
    bodyLength: number,
  ): RequestCheck {
    const contract = this.operations.get(operation)!;
    const problems: string[] = [];
    const values: Record<string, unknown> = {};
    for (const name of new Set(query.keys())) {
      if (!contract.knownQuery.has(name)) problems.push(`unknown query parameter '${name}'`);
      else if (query.getAll(name).length > 1) problems.push(`query parameter '${name}' is repeated`);
      if (contract.knownQuery.has(name)) values[name] = query.get(name);
    }
    let invalid = false;
    if (!contract.checkPath({ ...pathParams })) {
      invalid = true;
      problems.push(...describe(contract.checkPath.errors).map((p) => `path ${p}`));
    }
    if (!contract.checkQuery(values)) {
      invalid = true;
      problems.push(...describe(contract.checkQuery.errors).map((p) => `query ${p}`));
    }
    if (bodyLength > 0) problems.push(`unexpected request body (${bodyLength} bytes)`);
    return { query: values, invalid, problems };
  }

  /** Checks a response as sent: JSON content type, and the 200 schema or AODocs' error shape. */
  checkResponse(operation: OperationName | 'unknown', status: number, contentType: string, bodyText: string): string[] {
    const problems: string[] = [];
    if (!/^application\/json\b/.test(contentType))
      problems.push(`content type is '${contentType}', not application/json`);
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      return [...problems, 'body is not JSON'];
    }
    if (status === 200 && operation !== 'unknown') {
      const check = this.operations.get(operation)!.checkOk;
      if (!check(body)) problems.push(...describe(check.errors).map((p) => `200 body ${p}`));
    } else if (status === 200) {
      problems.push('200 answer to an unknown operation');
    } else if (!this.checkError(body)) {
      problems.push(...describe(this.checkError.errors).map((p) => `error body ${p}`));
    } else if ((body as { error: { code: number } }).error.code !== status) {
      problems.push(`error body code differs from the HTTP status ${status}`);
    }
    return problems;
  }

  record(violation: Omit<ContractViolation, 'time'>): void {
    this.recorded.push({ time: new Date().toISOString(), ...violation });
  }

  violations(): ContractViolation[] {
    return this.recorded.map((v) => ({ ...v }));
  }

  clear(): void {
    this.recorded.length = 0;
  }
}
