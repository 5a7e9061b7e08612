/**
 * ConfigMaps, Secrets, ServiceAccounts and Namespaces: a port of
 * pkg/apis/core/validation/validation.go (1.28) ValidateConfigMap,
 * ValidateSecret (keys, 1 MiB, per-type required keys), ValidateNamespace
 * (spec.finalizers). Secret `stringData` is merged into `data` first, as the
 * v1 conversion does, so its keys are reported under `data[...]`.
 */
import { namespacePodSecurityLabelErrors } from './admission';
import { configMapKeyErrors, labelValueErrors, qualifiedNameErrors } from './apimachinery';
import { Errors, byteLength, invalid, isObject, obj, required, str, tooLong } from './field';

/** k8s: pkg/apis/core/types.go MaxSecretSize */
export const MAX_DATA_SIZE = 1024 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** Whether encoding/json decodes `value` as []byte (standard base64 with padding; newlines ignored). */
export function isBase64(value: string): boolean {
  return BASE64.test(value.replace(/[\r\n]/g, ''));
}

function decodedLength(value: string): number {
  return Buffer.from(value.replace(/[\r\n]/g, ''), 'base64').length;
}

function keyErrors(key: string, path: string): Errors {
  return configMapKeyErrors(key).map((msg) => invalid(path, key, msg, 'keys are file names: letters, digits, -, _ and . only'));
}

/** k8s: ValidateConfigMap */
export function validateConfigMap(cm: any): Errors {
  const errs: Errors = [];
  const data = obj(cm.data);
  const binary = obj(cm.binaryData);
  let size = 0;
  for (const [key, value] of Object.entries(data)) {
    errs.push(...keyErrors(key, `data[${key}]`));
    if (Object.prototype.hasOwnProperty.call(binary, key)) errs.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData', 'keep each key in data or binaryData, not both'));
    size += typeof value === 'string' ? byteLength(value) : 0;
  }
  for (const [key, value] of Object.entries(binary)) {
    errs.push(...keyErrors(key, `binaryData[${key}]`));
    size += typeof value === 'string' && isBase64(value) ? decodedLength(value) : 0;
  }
  if (size > MAX_DATA_SIZE) {
    errs.push({ ...tooLong('', MAX_DATA_SIZE), path: 'data', message: `data: Too long: must have at most ${MAX_DATA_SIZE} bytes (data and binaryData hold ${size}): mount large files from a volume instead` });
  }
  return errs;
}

/** The Secret's data after the v1 conversion: `data` decoded, `stringData` written over it. */
function mergedSecretData(secret: any): Map<string, number> {
  const merged = new Map<string, number>();
  for (const [key, value] of Object.entries(obj(secret.data))) {
    merged.set(key, typeof value === 'string' && isBase64(value) ? decodedLength(value) : 0);
  }
  for (const [key, value] of Object.entries(obj(secret.stringData))) merged.set(key, typeof value === 'string' ? byteLength(value) : 0);
  return merged;
}

function stringDataValue(secret: any, key: string): string | undefined {
  const fromString = obj(secret.stringData)[key];
  if (typeof fromString === 'string') return fromString;
  const encoded = obj(secret.data)[key];
  return typeof encoded === 'string' && isBase64(encoded) ? Buffer.from(encoded, 'base64').toString('utf8') : undefined;
}

function jsonObjectError(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text);
    return isObject(parsed) ? undefined : 'json: cannot unmarshal into Go value of type map[string]interface {}';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** k8s: ValidateSecret */
export function validateSecret(secret: any): Errors {
  const errs: Errors = [];
  const data = mergedSecretData(secret);
  let size = 0;
  for (const [key, length] of data) {
    errs.push(...keyErrors(key, `data[${key}]`));
    size += length;
  }
  if (size > MAX_DATA_SIZE) errs.push({ path: 'data', message: `data: Too long: must have at most ${MAX_DATA_SIZE} bytes (the Secret holds ${size}): keep Secrets small` });
  const type = str(secret.type);
  const need = (key: string) => {
    if (!data.has(key)) errs.push(required(`data[${key}]`, '', `a ${type} Secret holds the key ${key}`));
  };
  switch (type) {
    case 'kubernetes.io/service-account-token':
      if (str(obj(obj(secret.metadata).annotations)['kubernetes.io/service-account.name']) === '') {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]', '', 'name the ServiceAccount the token is for'));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!data.has(key)) { need(key); break; }
      const err = jsonObjectError(stringDataValue(secret, key));
      if (err !== undefined) errs.push(invalid(`data[${key}]`, '<secret contents redacted>', err));
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!data.has('username') && !data.has('password')) { need('username'); need('password'); }
      break;
    case 'kubernetes.io/ssh-auth':
      if ((data.get('ssh-privatekey') ?? 0) === 0) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      need('tls.crt');
      need('tls.key');
      break;
    default:
  }
  return errs;
}

/** k8s: ValidateNamespace (spec.finalizers: qualified names, or one of the standard ones) */
export function validateNamespace(ns: any): Errors {
  const errs: Errors = [];
  for (const finalizer of Object.values(obj(ns.spec).finalizers ?? [])) {
    const name = str(finalizer);
    for (const msg of qualifiedNameErrors(name)) errs.push(invalid('spec.finalizers', name, msg));
    if (!name.includes('/') && !STANDARD_FINALIZERS.includes(name)) {
      errs.push(invalid('spec.finalizers', name, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  if (str(obj(ns.metadata).namespace) !== '') errs.push({ path: 'metadata.namespace', message: 'metadata.namespace: Forbidden: not allowed on this type' });
  // The strategy labels every Namespace kubernetes.io/metadata.name=<name> (PrepareForCreate): the name must be a label value too.
  const name = str(obj(ns.metadata).name);
  if (name !== '') errs.push(...labelValueErrors(name).map((msg) => invalid('metadata.labels', name, `${msg} (the label kubernetes.io/metadata.name the API server adds)`)));
  return [...errs, ...namespacePodSecurityLabelErrors(ns)];
}
