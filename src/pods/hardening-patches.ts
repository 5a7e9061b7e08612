import { ApiObject, JsonPatch } from 'cdk8s';
import { hardenPodSpec } from './hardening';
import { liveOperationOf, PatchOperation, patchesOf } from '../k8s/cdk8s-internals';
import { SecurityProfile } from '../policy/security-profile';
import { podTemplatesOf } from '../rules/pod-templates';

type Operation = PatchOperation;

/**
 * JSON patches that carry synth-time hardening into the manifest cdk8s writes.
 *
 * cdk8s only adds patches, so each object keeps a pool of operations that are
 * rewritten at every check: the check renders the object with all of them
 * turned into no-ops, computes what the profile requires, and points as many as
 * needed at it. A later synth therefore never replays what an earlier one filled.
 *
 * The operations address single fields (`imagePullPolicy`, `securityContext`),
 * whose shape is the same before and after the generated `k8s.Kube*` classes
 * convert their props, because cdk8s applies patches before that conversion.
 * They must run after every patch of the user's, whose result they were
 * computed on: a pool that a later user patch no longer ends is left as
 * no-ops and a new one is started at the end.
 */
export class HardeningPatches {
  private readonly pools = new WeakMap<ApiObject, Pool>();

  /** Turns every operation of `apiObject` into a no-op, so it renders as the user wrote it. */
  public reset(apiObject: ApiObject): void {
    for (const operation of this.pools.get(apiObject)?.operations ?? []) {
      Object.assign(operation, noOp(apiObject));
    }
  }

  /**
   * Hardens `manifest` (the object as just rendered, after `reset`) in place and
   * makes the next render of `apiObject` produce the same. With
   * `cdk8sPlusDefaults`, a pull policy of exactly `Always` counts as unset.
   */
  public harden(apiObject: ApiObject, manifest: any, profile: SecurityProfile, cdk8sPlusDefaults = false): void {
    const operations: Operation[] = [];
    for (const template of podTemplatesOf(manifest)) {
      const pointer = `/${template.specPath.replace(/\./g, '/')}`;
      for (const { group, index } of hardenPodSpec(template.spec, profile, cdk8sPlusDefaults)) {
        const container = template.spec[group][index];
        for (const field of ['imagePullPolicy', 'securityContext']) {
          if (container[field] !== undefined) {
            operations.push({ op: 'add', path: `${pointer}/${group}/${index}/${field}`, value: container[field] });
          }
        }
      }
    }
    const pool = this.poolOf(apiObject, operations.length);
    operations.forEach((operation, i) => Object.assign(pool[i], operation));
  }

  private poolOf(apiObject: ApiObject, size: number): Operation[] {
    const current = this.pools.get(apiObject);
    const pool = current !== undefined && endsThePatches(apiObject, current) ? current : { patches: [], operations: [] };
    while (pool.operations.length < size) {
      const patch = JsonPatch.test('/kind', apiObject.kind);
      apiObject.addJsonPatch(patch);
      pool.patches.push(patch);
      pool.operations.push(liveOperationOf(patch));
    }
    this.pools.set(apiObject, pool);
    return pool.operations;
  }
}

interface Pool {
  readonly patches: JsonPatch[];
  readonly operations: Operation[];
}

/**
 * Whether no patch was added to `apiObject` after `pool`'s. Without cdk8s's
 * patch list every check starts a new pool, which is correct and only grows the list.
 */
function endsThePatches(apiObject: ApiObject, pool: Pool): boolean {
  if (pool.patches.length === 0) return true;
  const all = patchesOf(apiObject);
  return all !== undefined && all[all.length - 1] === pool.patches[pool.patches.length - 1];
}

function noOp(apiObject: ApiObject): Operation {
  return { op: 'test', path: '/kind', value: apiObject.kind };
}
