// Every manifest the suite synthesizes is also checked against the Kubernetes
// OpenAPI schema (kubernetes-models, a superset of the 1.28 schema).
import { Deployment, StatefulSet, DaemonSet, ReplicaSet } from 'kubernetes-models/apps/v1';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { ConfigMap, PersistentVolumeClaim, Pod, ReplicationController, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/Pod': Pod,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Secret': Secret,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ReplicationController': ReplicationController,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'apps/v1/DaemonSet': DaemonSet,
  'apps/v1/ReplicaSet': ReplicaSet,
  'batch/v1/Job': Job,
  'batch/v1/CronJob': CronJob,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** Throws, naming the object, unless every manifest matches the Kubernetes schema. */
export function expectSchemaValid(manifests: any[]): void {
  for (const manifest of manifests) {
    const key = `${manifest.apiVersion}/${manifest.kind}`;
    const Model = MODELS[key];
    if (Model === undefined) {
      throw new Error(`no schema model for ${key}: add it to test/support/kubernetes-schema.ts`);
    }
    try {
      new Model(manifest).validate();
    } catch (e) {
      throw new Error(`${key} "${manifest.metadata?.name}" does not match the Kubernetes schema: ${(e as Error).message}`);
    }
  }
}
