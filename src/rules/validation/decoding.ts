/**
 * What the API server's decoder rejects before validation (HTTP 400), under
 * strict field validation (`kubectl apply` since 1.27): unknown fields, JSON
 * values of the wrong type, integers out of range, malformed quantities and
 * base64. The field names and types come from the 1.28 OpenAPI document
 * (api-schema-1-28.ts), with the fields later releases added
 * (api-schema-additions.ts) from the release that has them; the checks follow
 * encoding/json and k8s.io/apimachinery (Quantity.UnmarshalJSON,
 * IntOrString.UnmarshalJSON).
 */
import { API_SCHEMA_1_28 } from './api-schema-1-28';
import { ADDED_DEFINITIONS, AddedField, addedField } from './api-schema-additions';
import { isBase64 } from './config-data';
import { Errors, decoding, isObject } from './field';
import { parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity';
import { KubernetesVersion } from '../../k8s/kubernetes-version';

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

/** An unknown field, and the later release that has it (if one does). */
interface UnknownField {
  readonly path: string;
  readonly later?: AddedField;
}

function walk(type: SchemaType, value: unknown, path: string, errs: Errors, unknown: UnknownField[], version: KubernetesVersion): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(type)) {
    if (!Array.isArray(value)) {
      errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into a list: write a YAML/JSON list`));
      return;
    }
    value.forEach((item, i) => walk(type[0], item, `${path}[${i}]`, errs, unknown, version));
    return;
  }
  if (typeof type === 'object') {
    if (!isObject(value)) {
      errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into a map`));
      return;
    }
    for (const [key, item] of Object.entries(value)) walk(type['*'], item, `${path}[${key}]`, errs, unknown, version);
    return;
  }
  if (type.startsWith('@')) {
    const name = type.slice(1);
    const def = API_SCHEMA_1_28.definitions[name] ?? ADDED_DEFINITIONS[name];
    if (!isObject(value)) {
      errs.push(decoding(path, `cannot unmarshal ${jsonKind(value)} into an object`));
      return;
    }
    if (def === undefined) return;
    for (const [key, item] of Object.entries(value)) {
      const later = def[key] === undefined ? addedField(name, key) : undefined;
      const fieldType = later !== undefined && version.isAtLeast(later.since) ? later.type : def[key];
      if (fieldType === undefined) unknown.push({ path: childPath(path, key), later });
      else walk(fieldType, item, childPath(path, key), errs, unknown, version);
    }
    return;
  }
  if (type !== 'any') checkScalar(type, value, path, errs);
}

/** ` (Kubernetes 1.30 and later have it; the target is 1.28)`, for a field a later release added. */
function laterReleaseHint(field: UnknownField, version: KubernetesVersion): string {
  if (field.later === undefined) return '';
  return `; Kubernetes ${field.later.since.name} and later have this field (the target release is ${version.name}): if the cluster runs ${field.later.since.name} or later, set the target Kubernetes version`;
}

/** The decoding errors of `object` (a kind of api-schema-1-28.ts; others are skipped) on an API server of `version`. */
export function decodingErrors(object: any, version: KubernetesVersion = KubernetesVersion.DEFAULT): Errors {
  if (!isObject(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return [];
  const root = API_SCHEMA_1_28.roots[`${object.apiVersion}/${object.kind}`];
  if (root === undefined) return [];
  const errs: Errors = [];
  const unknown: UnknownField[] = [];
  walk(`@${root}`, object, '', errs, unknown, version);
  for (const field of unknown) {
    errs.push({
      path: field.path,
      message: `strict decoding error: unknown field "${field.path}": remove it or correct its spelling (kubectl apply rejects unknown fields since 1.27)${laterReleaseHint(field, version)}`,
    });
  }
  return errs;
}
