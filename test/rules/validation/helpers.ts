import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';
import { SecurityProfile } from '../../../src/policy/security-profile';
import { lintObjects } from '../../../src/rules/engine';

/** `ruleId path` of every error the engine reports for `obj` (privileged profile: API checks only), judged for `kubernetesVersion`. */
export function errors(obj: any, kubernetesVersion: KubernetesVersion = KubernetesVersion.DEFAULT): string[] {
  return lintObjects([obj], { profile: SecurityProfile.PRIVILEGED, kubernetesVersion }).filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.path}`);
}

/** The findings of `ruleId` for `obj`, as every report prints them: `<path>: <message>`, the server's own wording. */
export function messages(obj: any, ruleId: string, kubernetesVersion: KubernetesVersion = KubernetesVersion.DEFAULT): string[] {
  return lintObjects([obj], { profile: SecurityProfile.PRIVILEGED, kubernetesVersion }).filter((f) => f.ruleId === ruleId).map((f) => `${f.path}: ${f.message}`);
}

export function pod(spec: any, extra: any = {}): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...extra }, spec: { containers: [{ name: 'c', image: 'busybox:1.36.1' }], ...spec } };
}

export function container(fields: any): any {
  return pod({ containers: [{ name: 'c', image: 'busybox:1.36.1', ...fields }] });
}
