/* eslint-disable no-bitwise */ // a seeded PRNG and a string hash are bit arithmetic
/**
 * The differential corpus generator: valid seed objects of every kind
 * (seeds.ts), each mutated 1-3 times by operators (operators.ts), seeded and
 * deterministic. It needs no API server: `record.ts` sends what it generates to
 * one, and the fuzz test feeds it straight to the engine.
 */
import { OPERATORS, Operator } from './operators';
import { Random } from './random';
import { KINDS, seedObjects } from './seeds';

/** One generated object and how it was made. */
export interface GeneratedObject {
  /** Stable id: `<kind>-<index>`. */
  readonly id: string;
  readonly kind: string;
  /** Names of the operators applied, in order (empty for an unmutated seed). */
  readonly operators: string[];
  readonly object: any;
}

/** How many objects of each kind the committed corpus holds (Pods and templates get more: most rules live there). */
export const CORPUS_COUNTS: Readonly<Record<string, number>> = {
  Pod: 760,
  Deployment: 300,
  StatefulSet: 250,
  DaemonSet: 200,
  ReplicaSet: 150,
  Job: 250,
  CronJob: 250,
  Service: 250,
  PersistentVolumeClaim: 150,
  ConfigMap: 150,
  Secret: 150,
  ServiceAccount: 80,
  Namespace: 80,
};

export const CORPUS_SEED = 20231128;

const operatorsByKind = new Map<string, Operator[]>(KINDS.map((kind) => [kind, OPERATORS.filter((o) => o.kinds.includes(kind))]));

/** `count` objects of `kind`: the seed itself first, then seeds mutated 1-3 times. */
export function generateKind(kind: string, count: number, seed: number): GeneratedObject[] {
  const r = new Random(seed ^ hash(kind));
  const operators = operatorsByKind.get(kind) ?? [];
  const out: GeneratedObject[] = [];
  for (let i = 0; i < count; i++) {
    const object = seedObjects()[kind];
    const applied: string[] = [];
    if (i > 0) {
      const n = 1 + r.int(3);
      for (let k = 0; k < n; k++) {
        const operator = pickWeighted(operators, r);
        try {
          operator.apply(object, r);
          applied.push(operator.name);
        } catch {
          // An earlier mutation removed what this operator edits (no containers, no selector): it changed nothing or part.
          applied.push(`${operator.name} (on a broken object)`);
        }
      }
    }
    out.push({ id: `${kind}-${i}`, kind, operators: applied, object: stripUndefined(object) });
  }
  return out;
}

function pickWeighted(operators: readonly Operator[], r: Random): Operator {
  const total = operators.reduce((sum, o) => sum + (o.weight ?? 1), 0);
  let x = r.next() * total;
  for (const o of operators) {
    x -= o.weight ?? 1;
    if (x < 0) return o;
  }
  return operators[operators.length - 1];
}

/** The whole corpus, kind by kind. */
export function generateCorpus(seed: number = CORPUS_SEED, counts: Readonly<Record<string, number>> = CORPUS_COUNTS): GeneratedObject[] {
  return KINDS.flatMap((kind) => generateKind(kind, counts[kind] ?? 0, seed));
}

/** What JSON would carry: `undefined` fields vanish, as they do on the wire. */
function stripUndefined(value: any): any {
  return JSON.parse(JSON.stringify(value));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

export { OPERATORS };
