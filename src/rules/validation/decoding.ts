/**
 * What the API server's decoder rejects before validation (HTTP 400), under
 * strict field validation (`kubectl apply` since 1.27): unknown fields, JSON
 * values of the wrong type, integers out of range, malformed quantities and
 * base64. The field names and types come from the 1.28 OpenAPI document
 * (api-schema-1-28.ts); the checks follow encoding/json and
 * k8s.io/apimachinery (Quantity.UnmarshalJSON, IntOrString.UnmarshalJSON).
 */
import { API_SCHEMA_1_28 } from './api-schema-1-28';
import { isBase64 } from './config-data';
import { Errors, decoding, isObject } from './field';
import { parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity';

type SchemaType = string | SchemaType[] | { '*': SchemaType };

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value === 'boolean' ? 'bool' : typeof value;
}

function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function checkScalar(type: string, value: unknown, path: string, errs: Errors): void {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into a string field: quote the value`));
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into a boolean field: write true or false without quotes`));
      return;
    case 'int32':
    case 'int64':
      if (typeof value !== 'number') {
        errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into an integer field (${type}): write the number without quotes`));
      } else if (!Number.isInteger(value) || (type === 'int32' && (value < INT32_MIN || value > INT32_MAX))) {
        errs.push(decoding(path, `cannot unmarshal number ${value} into an ${type} field`));
      }
      return;
    case 'number':
      if (typeof value !== 'number') errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into a number field`));
      return;
    case 'quantity':
      if (parseQuantity(value) === undefined) errs.push(decoding(path, `${JSON.stringify(value)}: ${QUANTITY_FORMAT_ERROR} (e.g. 500m, 1.5, 64Mi, 1Gi; not 1GB)`));
      return;
    case 'int-or-string':
      if (typeof value === 'number' ? !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX : typeof value !== 'string') {
        errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} ${JSON.stringify(value)} into an int-or-string field: use an integer or a string`));
      }
      return;
    case 'bytes':
      if (typeof value !== 'string') errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into a base64 []byte field`));
      else if (!isBase64(value)) errs.push(decoding(path, 'illegal base64 data: encode the value in standard base64 with padding, or put it in stringData'));
      return;
    default:
  }
}

function walk(type: SchemaType, value: unknown, path: string, errs: Errors, unknown: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(type)) {
    if (!Array.isArray(value)) {
      errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into a list: write a YAML/JSON list`));
      return;
    }
    value.forEach((item, i) => walk(type[0], item, `${path}[${i}]`, errs, unknown));
    return;
  }
  if (typeof type === 'object') {
    if (!isObject(value)) {
      errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into a map`));
      return;
    }
    for (const [key, item] of Object.entries(value)) walk(type['*'], item, `${path}[${key}]`, errs, unknown);
    return;
  }
  if (type.startsWith('@')) {
    const def = API_SCHEMA_1_28.definitions[type.slice(1)];
    if (!isObject(value)) {
      errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into an object`));
      return;
    }
    if (def === undefined) return;
    for (const [key, item] of Object.entries(value)) {
      const fieldType = def[key];
      if (fieldType === undefined) unknown.push(childPath(path, key));
      else walk(fieldType, item, childPath(path, key), errs, unknown);
    }
    return;
  }
  if (type !== 'any') checkScalar(type, value, path, errs);
}

/** The decoding errors of `object` (a kind of api-schema-1-28.ts; others are skipped). */
export function decodingErrors(object: any): Errors {
  if (!isObject(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return [];
  const root = API_SCHEMA_1_28.roots[`${object.apiVersion}/${object.kind}`];
  if (root === undefined) return [];
  const errs: Errors = [];
  const unknown: string[] = [];
  walk(`@${root}`, object, '', errs, unknown);
  for (const path of unknown) {
    errs.push({ path, message: `strict decoding error: unknown field "${path}": remove it or correct its spelling (kubectl apply rejects unknown fields since 1.27)` });
  }
  return errs;
}
