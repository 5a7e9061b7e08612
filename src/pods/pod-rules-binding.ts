import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SecurityProfile } from '../policy/security-profile';
import { lintObjects } from '../rules/engine';
import { Severity } from '../rules/finding';
import { podSpecPath } from '../rules/pod-templates';

/** What `bindPodRules` needs to know about the Pod it guards. */
export interface PodRulesOptions {
  readonly securityProfile: SecurityProfile;
  readonly shareProcessNamespace?: boolean;
}

/**
 * Attaches what cdk8s-plus cannot express and the whole-Pod checks to a
 * workload: the same rules module the lint command runs, over the manifest
 * exactly as it is written, every problem of the Pod reported in one error.
 *
 * The check runs on the JSON the object's own `toJson()` produces, not in a
 * `node.addValidation`: cdk8s runs validations once per chart plus once per
 * app synth, and each would have to resolve the whole object again, so the
 * cost would grow with charts × workloads (see bench/README.md).
 */
export function bindPodRules(workload: kplus.AbstractPod, options: PodRulesOptions): void {
  const apiObject = ApiObject.of(workload);
  if (options.shareProcessNamespace !== undefined) {
    const path = `/${podSpecPath(apiObject.kind)!.replace(/\./g, '/')}/shareProcessNamespace`;
    apiObject.addJsonPatch(JsonPatch.add(path, options.shareProcessNamespace));
  }
  const render = apiObject.toJson.bind(apiObject);
  apiObject.toJson = () => {
    const manifest = render();
    throwOnErrors(workload.node.path, manifest, options.securityProfile);
    return manifest;
  };
}

function throwOnErrors(owner: string, manifest: unknown, profile: SecurityProfile): void {
  const errors = lintObjects([manifest], { profile, includeWarnings: false })
    .filter(finding => finding.severity === Severity.ERROR);
  if (errors.length > 0) {
    const lines = errors.map(finding => `  [${finding.ruleId}] ${finding.path}: ${finding.message}`);
    throw new Error(`${owner}: ${errors.length} problem(s) Kubernetes would reject or that break the ${profile} profile:\n${lines.join('\n')}`);
  }
}
