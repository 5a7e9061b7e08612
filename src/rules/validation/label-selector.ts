/**
 * Label selectors: a port of
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go
 * (1.28) ValidateLabelSelector and ValidateLabelSelectorRequirement, plus
 * selector matching (labels.Selector.Matches) for the controllers' "selector
 * does not match template labels" check.
 */
import { labelValueErrors, qualifiedNameErrors } from './apimachinery';
import { Errors, forbidden, invalid, invalidEach, isObject, list, obj, required, str } from './field';
import { validateLabels } from './object-meta';

/** k8s: ValidateLabelSelector */
export function validateLabelSelector(selector: unknown, path: string): Errors {
  if (!isObject(selector)) return [];
  const errs = validateLabels(selector.matchLabels, `${path}.matchLabels`);
  list(selector.matchExpressions).forEach((expr, i) => errs.push(...validateRequirement(obj(expr), `${path}.matchExpressions[${i}]`)));
  return errs;
}

/** k8s: ValidateLabelSelectorRequirement */
function validateRequirement(req: Record<string, any>, path: string): Errors {
  const errs: Errors = [];
  const values = list(req.values);
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(`${path}.operator`, req.operator ?? '', 'not a valid selector operator', 'use In, NotIn, Exists or DoesNotExist'));
  }
  errs.push(...invalidEach(`${path}.key`, str(req.key), qualifiedNameErrors(str(req.key))));
  values.forEach((value, i) => errs.push(...invalidEach(`${path}.values[${i}]`, value, labelValueErrors(str(value)))));
  return errs;
}

/** Whether a selector (metav1.LabelSelectorAsSelector semantics) selects nothing: no labels and no expressions. */
export function isEmptySelector(selector: unknown): boolean {
  const s = obj(selector);
  return Object.keys(obj(s.matchLabels)).length === 0 && list(s.matchExpressions).length === 0;
}

/** Whether `labels` match `selector` (labels.Selector.Matches). */
export function selectorMatches(selector: unknown, labels: unknown): boolean {
  const s = obj(selector);
  const l = obj(labels);
  for (const [k, v] of Object.entries(obj(s.matchLabels))) {
    if (l[k] !== v) return false;
  }
  for (const raw of list(s.matchExpressions)) {
    const expr = obj(raw);
    const key = str(expr.key);
    const has = Object.prototype.hasOwnProperty.call(l, key);
    const values = list(expr.values);
    switch (expr.operator) {
      case 'In': if (!has || !values.includes(l[key])) return false; break;
      case 'NotIn': if (has && values.includes(l[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}
