import { errors, messages } from './helpers';
import { KubernetesVersion } from '../../../src/k8s/kubernetes-version';

// Cases from pkg/apis/batch/validation/validation_test.go (TestValidateJob, TestValidateCronJob*).
function job(spec: any = {}, name = 'j'): any {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36.1' }] } }, ...spec },
  };
}
function cronJob(spec: any = {}): any {
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: job().spec }, ...spec } };
}

describe('batch/v1', () => {
  test('counts are non-negative; Indexed needs completions', () => {
    expect(errors(job({ backoffLimit: -1 }))).toEqual(['api-batch-spec spec.backoffLimit']);
    // SetDefaults_Job: completions and parallelism both unset become 1 (kube-apiserver v1.28.7 accepts this Job);
    // a CronJob's job template is not defaulted (corpus.json.gz, operator job.combo)
    expect(errors(job({ completionMode: 'Indexed' }))).toEqual([]);
    expect(errors(job({ completionMode: 'Indexed', parallelism: 2 }))).toEqual(['api-batch-spec spec.completions']);
    expect(errors(cronJob({ jobTemplate: { spec: { ...job().spec, completionMode: 'Indexed' } } }))).toEqual(['api-batch-spec spec.jobTemplate.spec.completions']);
    expect(errors(job({ completionMode: 'Random' }))).toEqual(['api-batch-spec spec.completionMode']);
  });

  test('a selector without manualSelector is refused ("`selector` not auto-generated"); a manual one must match the template', () => {
    expect(errors(job({ selector: { matchLabels: { app: 'x' } } }))).toEqual(['api-batch-spec spec.selector']);
    expect(errors(job({ manualSelector: true, selector: { matchLabels: { app: 'x' } } }))).toEqual(['api-batch-spec spec.template.metadata.labels']);
    const matching = job({ manualSelector: true, selector: { matchLabels: { app: 'x' } } });
    matching.spec.template.metadata = { labels: { app: 'x' } };
    expect(errors(matching)).toEqual([]);
  });

  test('podFailurePolicy: exit code 0 with In, unordered values, both or neither pattern, restartPolicy Never only', () => {
    const rule = (r: any, extra: any = {}) => job({ podFailurePolicy: { rules: [r] }, ...extra });
    expect(errors(rule({ action: 'FailJob', onExitCodes: { operator: 'In', values: [0] } }))).toEqual(['api-batch-spec spec.podFailurePolicy.rules[0].onExitCodes.values[0]']);
    expect(errors(rule({ action: 'FailJob', onExitCodes: { operator: 'In', values: [2, 1] } }))).toEqual(['api-batch-spec spec.podFailurePolicy.rules[0].onExitCodes.values']);
    expect(errors(rule({ action: 'FailJob' }))).toEqual(['api-batch-spec spec.podFailurePolicy.rules[0]']);
    expect(errors(rule({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }))).toEqual([]);
  });

  test('CronJob schedules: robfig/cron syntax, no CRON_TZ with timeZone, known time zones', () => {
    expect(messages(cronJob({ schedule: '61 * * * *' }), 'api-batch-spec')[0]).toMatch(/^spec\.schedule: Invalid value: "61 \* \* \* \*": end of range \(61\) above maximum \(59\): 61/);
    expect(errors(cronJob({ schedule: '0 0 * * * *' }))).toEqual(['api-batch-spec spec.schedule']);
    expect(errors(cronJob({ schedule: 'CRON_TZ=UTC 0 * * * *' }))).toEqual([]);
    expect(errors(cronJob({ schedule: 'CRON_TZ=UTC 0 * * * *', timeZone: 'UTC' }))).toEqual(['api-batch-spec spec.schedule']);
    expect(errors(cronJob({ timeZone: 'Mars/Phobos' }))).toEqual(['api-batch-spec spec.timeZone']);
    expect(errors(cronJob({ timeZone: 'Europe/Berlin' }))).toEqual([]);
    expect(errors(cronJob({ concurrencyPolicy: 'Sometimes' }))).toEqual(['api-batch-spec spec.concurrencyPolicy']);
  });

  test('a Job name over 63 characters also breaks the job-name labels the server adds', () => {
    expect(errors(job({}, 'a'.repeat(64)))).toEqual(expect.arrayContaining(['api-batch-spec spec.template.labels']));
  });

  test('onPodConditions status defaults to True in a Job, not in a CronJob\'s job template (SetDefaults_Job)', () => {
    const policy = { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } };
    expect(errors(job(policy))).toEqual([]);
    expect(messages(cronJob({ jobTemplate: { spec: { ...job().spec, ...policy } } }), 'api-batch-spec')).toEqual([
      'spec.jobTemplate.spec.podFailurePolicy.rules[0].onPodConditions[0].status: Required value: valid values: ["False" "True" "Unknown"]',
    ]);
  });

  // pkg/apis/batch/validation validateGeneratedSelector (ValidateHasLabel): generateSelector keeps the template's own job labels
  test('a template label job-name or batch.kubernetes.io/job-name must be the Job\'s name; controller-uid labels cannot be written', () => {
    const labelled = (labels: any) => job({ template: { metadata: { labels }, spec: job().spec.template.spec } });
    expect(errors(labelled({ 'job-name': 'j', 'batch.kubernetes.io/job-name': 'j' }))).toEqual([]);
    expect(messages(labelled({ 'batch.kubernetes.io/job-name': 'other' }), 'api-batch-spec')).toEqual([expect.stringContaining("spec.template.metadata.labels[batch.kubernetes.io/job-name]: Invalid value: {\"batch.kubernetes.io/job-name\":\"other\"}: must be 'j'")]);
    expect(errors(labelled({ 'controller-uid': 'd9607e19-f88f-11e6-a518-42010a800195' }))).toEqual(['api-batch-spec spec.template.metadata.labels[controller-uid]']);
    expect(errors(job({ manualSelector: true, selector: { matchLabels: { 'job-name': 'other' } }, template: { metadata: { labels: { 'job-name': 'other' } }, spec: job().spec.template.spec } }))).toEqual([]);
  });
});

// JobBackoffLimitPerIndex and JobPodReplacementPolicy {1.28 alpha off, 1.29 beta on}: from 1.29 the fields are kept and
// validated (pkg/apis/batch/validation/validation.go validateJobSpec, validatePodFailurePolicyRule,
// validatePodReplacementPolicy); cases after validation_test.go TestValidateJob ("backoffLimitPerIndex...", "FailIndex...").
describe('batch/v1 per Kubernetes release: backoffLimitPerIndex, maxFailedIndexes, podReplacementPolicy', () => {
  const V = KubernetesVersion;
  const indexed = (extra: any): any => job({ completionMode: 'Indexed', completions: 5, ...extra });
  const failIndex = { podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [42] } }] } };

  test('FailIndex with backoffLimitPerIndex: refused on 1.28 (the field is dropped), accepted from 1.29', () => {
    const obj = indexed({ backoffLimitPerIndex: 1, ...failIndex });
    expect(errors(obj, V.V1_28)).toEqual(['api-batch-spec spec.podFailurePolicy.rules[0].action']);
    for (const version of V.all().slice(1)) expect(errors(obj, version)).toEqual([]);
    expect(errors(indexed(failIndex), V.V1_30)).toEqual(['api-batch-spec spec.podFailurePolicy.rules[0].action']);
  });

  test('per-index fields need Indexed completion, maxFailedIndexes needs backoffLimitPerIndex and at most completions', () => {
    expect(messages(job({ backoffLimitPerIndex: 1 }), 'api-batch-spec', V.V1_29))
      .toEqual(['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode; set completionMode: Indexed']);
    expect(errors(job({ backoffLimitPerIndex: 1 }), V.V1_28)).toEqual([]);
    expect(errors(indexed({ maxFailedIndexes: 1 }), V.V1_29)).toEqual(['api-batch-spec spec.backoffLimitPerIndex']);
    expect(errors(indexed({ backoffLimitPerIndex: 1, maxFailedIndexes: 6 }), V.V1_29)).toEqual(['api-batch-spec spec.maxFailedIndexes']);
    expect(errors(indexed({ backoffLimitPerIndex: -1 }), V.V1_33)).toEqual(['api-batch-spec spec.backoffLimitPerIndex']);
  });

  test('above 100000 completions, maxFailedIndexes is required and parallelism at most 10000', () => {
    const big = job({ completionMode: 'Indexed', completions: 100001, parallelism: 10001, backoffLimitPerIndex: 1 });
    expect(errors(big, V.V1_29)).toEqual(expect.arrayContaining(['api-batch-spec spec.maxFailedIndexes', 'api-batch-spec spec.parallelism']));
  });

  test('podReplacementPolicy: Failed or TerminatingOrFailed; only Failed with a podFailurePolicy', () => {
    expect(errors(job({ podReplacementPolicy: 'TerminatingOrFailed' }), V.V1_29)).toEqual([]);
    expect(messages(job({ podReplacementPolicy: 'Sometimes' }), 'api-batch-spec', V.V1_29))
      .toEqual(['spec.podReplacementPolicy: Unsupported value: "Sometimes": supported values: "Failed", "TerminatingOrFailed"']);
    const withPolicy = job({ podReplacementPolicy: 'TerminatingOrFailed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } });
    expect(errors(withPolicy, V.V1_29)).toEqual(['api-batch-spec spec.podReplacementPolicy']);
    expect(errors(withPolicy, V.V1_28)).toEqual([]);
  });
});
