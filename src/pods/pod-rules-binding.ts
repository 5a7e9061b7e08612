import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SecurityProfile } from '../policy/security-profile';
import { lintObjects } from '../rules/engine';
import { Severity } from '../rules/finding';

/** What `bindPodRules` needs to know about the Pod it guards. */
export interface PodRulesOptions {
  readonly securityProfile: SecurityProfile;
  readonly shareProcessNamespace?: boolean;
}

/**
 * Attaches what cdk8s-plus cannot express and the whole-Pod checks to a
 * workload: the same rules module the lint command runs, over the manifest
 * exactly as it will be written, so every problem is reported at once.
 */
export function bindPodRules(workload: kplus.AbstractPod, options: PodRulesOptions): void {
  const apiObject = ApiObject.of(workload);
  if (options.shareProcessNamespace !== undefined) {
    const path = `${podSpecPointer(apiObject.kind)}/shareProcessNamespace`;
    apiObject.addJsonPatch(JsonPatch.add(path, options.shareProcessNamespace));
  }
  workload.node.addValidation({
    validate: () => errorsOf(apiObject.toJson(), options.securityProfile),
  });
}

function errorsOf(manifest: unknown, profile: SecurityProfile): string[] {
  return lintObjects([manifest], { profile })
    .filter(finding => finding.severity === Severity.ERROR)
    .map(finding => `[${finding.ruleId}] ${finding.path}: ${finding.message}`);
}

function podSpecPointer(kind: string): string {
  switch (kind) {
    case 'Pod': return '/spec';
    case 'CronJob': return '/spec/jobTemplate/spec/template/spec';
    default: return '/spec/template/spec';
  }
}
