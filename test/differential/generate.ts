/* eslint-disable no-bitwise */ // a seeded PRNG and a string hash are bit arithmetic
/**
 * The differential corpus generator: valid seed objects of every kind
 * (seeds.ts), each mutated 1-3 times by operators (operators.ts, then
 * gap-, edge-, combo- and container-operators.ts in later rounds), seeded and
 * deterministic. It needs no API server: `record.ts` sends what it generates to
 * one, and the fuzz test feeds it straight to the engine.
 */
import { COMBO_OPERATORS } from './combo-operators';
import { CONTAINER_OPERATORS } from './container-operators';
import { EDGE_OPERATORS } from './edge-operators';
import { GAP_OPERATORS, RC } from './gap-operators';
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

/** How many objects of each kind the first round makes (Pods and templates get more: most rules live there). */
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

/** How many objects of each kind the second round appends: the gaps of the first (gap-operators.ts) and ReplicationControllers. */
export const GAP_COUNTS: Readonly<Record<string, number>> = {
  Pod: 400,
  Deployment: 60,
  StatefulSet: 40,
  DaemonSet: 40,
  ReplicaSet: 40,
  Job: 40,
  CronJob: 40,
  Service: 20,
  PersistentVolumeClaim: 20,
  ConfigMap: 20,
  Secret: 20,
  ServiceAccount: 20,
  Namespace: 20,
  ReplicationController: 250,
};

/** How many objects of each kind the third round appends: fields checked together (edge-operators.ts). */
export const EDGE_COUNTS: Readonly<Record<string, number>> = {
  Pod: 300,
  Deployment: 40,
  StatefulSet: 20,
  DaemonSet: 20,
  ReplicaSet: 20,
  Job: 30,
  CronJob: 20,
  PersistentVolumeClaim: 40,
  ReplicationController: 30,
};

/** How many objects of each kind the fourth round appends: controller, Service and data fields together (combo-operators.ts). */
export const COMBO_COUNTS: Readonly<Record<string, number>> = {
  Job: 60,
  CronJob: 60,
  StatefulSet: 40,
  DaemonSet: 30,
  Deployment: 30,
  Service: 80,
  ConfigMap: 30,
  Secret: 50,
};

/** How many objects of each kind the fifth round appends: container fields against the rest of the Pod (container-operators.ts). */
export const CONTAINER_COUNTS: Readonly<Record<string, number>> = {
  Pod: 200,
  Deployment: 30,
  StatefulSet: 20,
  Job: 20,
  ReplicationController: 20,
};

export const CORPUS_SEED = 20231128;

/**
 * One round of generation: how many objects of each kind, mutated by which
 * operators. Rounds append (ids continue), so a round added later never changes
 * the objects, the verdicts or the known disagreements of the earlier ones.
 */
export interface CorpusRound {
  readonly counts: Readonly<Record<string, number>>;
  readonly operatorsOf: (kind: string) => Operator[];
}

function applicable(operators: readonly Operator[], kind: string): Operator[] {
  return operators.filter((o) => o.kinds.includes(kind));
}

/** Every operator of either round. */
export const ALL_OPERATORS: readonly Operator[] = [...OPERATORS, ...GAP_OPERATORS, ...EDGE_OPERATORS, ...COMBO_OPERATORS, ...CONTAINER_OPERATORS];

/**
 * The committed corpus' rounds: the first round's operators on the first 13
 * kinds, then the gap operators on every kind; a ReplicationController (new
 * in the second round) gets every operator that applies to it.
 */
export const CORPUS_ROUNDS: readonly CorpusRound[] = [
  { counts: CORPUS_COUNTS, operatorsOf: (kind) => applicable(OPERATORS, kind) },
  { counts: GAP_COUNTS, operatorsOf: (kind) => (kind === RC ? replicationControllerOperators() : applicable(GAP_OPERATORS, kind)) },
  { counts: EDGE_COUNTS, operatorsOf: (kind) => applicable(EDGE_OPERATORS, kind) },
  { counts: COMBO_COUNTS, operatorsOf: (kind) => applicable(COMBO_OPERATORS, kind) },
  { counts: CONTAINER_COUNTS, operatorsOf: (kind) => applicable(CONTAINER_OPERATORS, kind) },
];

/**
 * A ReplicationController is a ReplicaSet with a map selector: it gets the
 * ReplicaSet's operators of the first round but the one writing a
 * LabelSelector, and its own of the second.
 */
function replicationControllerOperators(later = false): Operator[] {
  const laterRounds = later ? [...applicable(EDGE_OPERATORS, RC), ...applicable(CONTAINER_OPERATORS, RC)] : [];
  return [...applicable(OPERATORS, 'ReplicaSet').filter((o) => o.name !== 'workload.selector'), ...applicable(GAP_OPERATORS, RC), ...laterRounds];
}

/** A single round with every operator (the fuzz test's). */
export function singleRound(counts: Readonly<Record<string, number>>): CorpusRound[] {
  return [{ counts, operatorsOf: (kind) => (kind === RC ? replicationControllerOperators(true) : applicable(ALL_OPERATORS, kind)) }];
}

/**
 * `count` objects of `kind`, numbered from `first`: object 0 is the seed
 * itself, every other one the seed mutated 1-3 times by `operators`.
 * Round `round` draws from its own random stream.
 */
export function generateKind(kind: string, count: number, seed: number,
  operators: Operator[] = singleRound({})[0].operatorsOf(kind), first = 0, round = 0): GeneratedObject[] {
  // Round 0's stream is the one the corpus was first recorded with.
  const r = new Random((seed + round * 7919) ^ hash(kind));
  const out: GeneratedObject[] = [];
  for (let i = first; i < first + count; i++) {
    const object = seedObjects()[kind];
    const applied: string[] = [];
    if (i > 0 && operators.length > 0) {
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

/** The whole corpus, kind by kind, each kind's rounds one after the other. */
export function generateCorpus(seed: number = CORPUS_SEED, rounds: readonly CorpusRound[] = CORPUS_ROUNDS): GeneratedObject[] {
  return KINDS.flatMap((kind) => {
    let first = 0;
    return rounds.flatMap((round, index) => {
      const count = round.counts[kind] ?? 0;
      const made = generateKind(kind, count, seed, round.operatorsOf(kind), first, index);
      first += count;
      return made;
    });
  });
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

