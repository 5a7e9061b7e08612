/**
 * batch/v1: a port of pkg/apis/batch/validation/validation.go (1.28)
 * ValidateJob/validateJobSpec, validatePodFailurePolicy and its rules,
 * validateGeneratedSelector, ValidateCronJobCreate/validateCronJobSpec,
 * validateScheduleFormat, validateTimeZone, ValidateJobTemplateSpec, after
 * pkg/apis/batch/v1/defaults.go and the Job strategy's generateSelector.
 * JobBackoffLimitPerIndex and JobPodReplacementPolicy are alpha and off in
 * 1.28: their fields are dropped before validation. From 1.29 (both beta and
 * on) they are kept and validated (validateJobSpec, validatePodFailurePolicyRule,
 * validatePodReplacementPolicy, read in the 1.29 development tree of
 * pkg/apis/batch/validation/validation.go).
 */
import { dns1123LabelErrors, labelValueErrors, qualifiedNameErrors } from './apimachinery';
import { cronParseError, isKnownTimeZone } from './cron';
import { Errors, invalid, invalidEach, isInt, isObject, isSet, list, nonNegative, notSupported, obj, required, str, tooMany } from './field';
import { selectorMatches } from './label-selector';
import { FeatureGate, isEnabled } from '../../k8s/feature-gates';
import { KubernetesVersion } from '../../k8s/kubernetes-version';

/** Which gated Job fields the target release keeps (and so validates). */
interface JobFieldsKept {
  /** backoffLimitPerIndex, maxFailedIndexes (JobBackoffLimitPerIndex). */
  readonly perIndex: boolean;
  /** podReplacementPolicy (JobPodReplacementPolicy). */
  readonly podReplacementPolicy: boolean;
}

function jobFieldsKept(version: KubernetesVersion): JobFieldsKept {
  return {
    perIndex: isEnabled(FeatureGate.JOB_BACKOFF_LIMIT_PER_INDEX, version),
    podReplacementPolicy: isEnabled(FeatureGate.JOB_POD_REPLACEMENT_POLICY, version),
  };
}

const MAX_FAILED_INDEXES = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const POD_REPLACEMENT_POLICIES = ['Failed', 'TerminatingOrFailed'];

const ACTIONS = ['Count', 'FailJob', 'Ignore'];
const EXIT_CODE_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;


// k8s: validatePodFailurePolicyRuleOnExitCodes
function validateOnExitCodes(req: Record<string, any>, path: string, containers: Set<string>): Errors {
  const errs: Errors = [];
  const operator = str(req.operator);
  if (operator === '') errs.push(required(`${path}.operator`, 'valid values: ["In" "NotIn"]'));
  else if (!EXIT_CODE_OPERATORS.includes(operator)) errs.push(notSupported(`${path}.operator`, operator, EXIT_CODE_OPERATORS));
  if (isSet(req.containerName) && !containers.has(str(req.containerName))) {
    errs.push(invalid(`${path}.containerName`, req.containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const values = list(req.values);
  if (values.length === 0) errs.push(invalid(`${path}.values`, values, 'at least one value is required'));
  else if (values.length > 255) errs.push(tooMany(`${path}.values`, values.length, 255));
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((v, j) => {
    if (operator === 'In' && v === 0) errs.push(invalid(`${path}.values[${j}]`, v, 'must not be 0 for the In operator', 'exit code 0 is success: it never fails a Pod'));
    if (seen.has(v)) errs.push({ path: `${path}.values[${j}]`, message: `Duplicate value: ${v}` });
    seen.add(v);
    if (j > 0 && values[j - 1] > v) ordered = false;
  });
  if (!ordered) errs.push(invalid(`${path}.values`, values, 'must be ordered', 'list the exit codes in ascending order'));
  return errs;
}

// k8s: validatePodFailurePolicy, validatePodFailurePolicyRule (`defaulted`: SetDefaults_Job ran, i.e. a Job, not a CronJob's template)
function validatePodFailurePolicy(spec: Record<string, any>, path: string, defaulted: boolean, kept: JobFieldsKept): Errors {
  const errs: Errors = [];
  const rules = list(obj(spec.podFailurePolicy).rules);
  if (rules.length > 20) errs.push(tooMany(`${path}.rules`, rules.length, 20));
  const podSpec = obj(obj(spec.template).spec);
  const containers = new Set([...list(podSpec.containers), ...list(podSpec.initContainers)].map((c) => str(obj(c).name)));
  rules.forEach((raw, i) => {
    const rule = obj(raw);
    const at = `${path}.rules[${i}]`;
    const action = str(rule.action);
    if (action === '') {errs.push(required(`${at}.action`, 'valid values: ["Count" "FailIndex" "FailJob" "Ignore"]'));} else if (action === 'FailIndex') {
      if (!kept.perIndex || !isSet(spec.backoffLimitPerIndex)) errs.push(invalid(`${at}.action`, action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!ACTIONS.includes(action)) {errs.push(notSupported(`${at}.action`, action, ['Count', 'FailIndex', 'FailJob', 'Ignore']));}
    if (isSet(rule.onExitCodes)) errs.push(...validateOnExitCodes(obj(rule.onExitCodes), `${at}.onExitCodes`, containers));
    const conditions = list(rule.onPodConditions);
    conditions.forEach((c, j) => {
      const pattern = obj(c);
      errs.push(...invalidEach(`${at}.onPodConditions[${j}].type`, str(pattern.type), qualifiedNameErrors(str(pattern.type))));
      // SetDefaults_Job: an empty status becomes True; a CronJob's job template is not defaulted, so it stays empty and is required.
      const status = isSet(pattern.status) && pattern.status !== '' ? pattern.status : defaulted ? 'True' : '';
      if (status === '') errs.push(required(`${at}.onPodConditions[${j}].status`, `valid values: ${JSON.stringify(CONDITION_STATUSES).replace(/,/g, ' ')}`));
      else if (!CONDITION_STATUSES.includes(status)) errs.push(notSupported(`${at}.onPodConditions[${j}].status`, status, CONDITION_STATUSES));
    });
    if (isSet(rule.onExitCodes) && conditions.length > 0) errs.push(invalid(at, '', 'specifying both OnExitCodes and OnPodConditions is not supported'));
    if (!isSet(rule.onExitCodes) && conditions.length === 0) errs.push(invalid(at, '', 'specifying one of OnExitCodes and OnPodConditions is required'));
  });
  return errs;
}

/** k8s: validateJobSpec's checks of backoffLimitPerIndex and maxFailedIndexes (1.29+) */
function validatePerIndexFields(spec: Record<string, any>, path: string, defaulted: boolean): Errors {
  const errs: Errors = [...nonNegative(spec.backoffLimitPerIndex, `${path}.backoffLimitPerIndex`), ...nonNegative(spec.maxFailedIndexes, `${path}.maxFailedIndexes`)];
  const perIndex = spec.backoffLimitPerIndex;
  const maxFailed = spec.maxFailedIndexes;
  if (isSet(maxFailed) && !isSet(perIndex)) errs.push(required(`${path}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'));
  if (spec.completionMode === 'Indexed') {
    const completions = !isSet(spec.completions) && defaulted && !isSet(spec.parallelism) ? 1 : spec.completions;
    if (isInt(completions) && isInt(maxFailed) && maxFailed > completions) errs.push(invalid(`${path}.maxFailedIndexes`, maxFailed, 'must be less than or equal to completions'));
    if (isInt(maxFailed) && maxFailed > MAX_FAILED_INDEXES) errs.push(invalid(`${path}.maxFailedIndexes`, maxFailed, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
    if (isInt(completions) && completions > COMPLETIONS_SOFT_LIMIT && isSet(perIndex)) {
      const high = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
      if (!isSet(maxFailed)) errs.push(required(`${path}.maxFailedIndexes`, `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
      if (isInt(spec.parallelism) && spec.parallelism > LIMIT_FOR_HIGH_COMPLETIONS) errs.push(invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${LIMIT_FOR_HIGH_COMPLETIONS} ${high}`));
      if (isInt(maxFailed) && maxFailed > LIMIT_FOR_HIGH_COMPLETIONS) errs.push(invalid(`${path}.maxFailedIndexes`, maxFailed, `must be less than or equal to ${LIMIT_FOR_HIGH_COMPLETIONS} ${high}`));
    }
  } else if (!isSet(spec.completionMode) || spec.completionMode === 'NonIndexed') {
    if (isSet(perIndex)) errs.push(invalid(`${path}.backoffLimitPerIndex`, perIndex, 'requires indexed completion mode', 'set completionMode: Indexed'));
    if (isSet(maxFailed)) errs.push(invalid(`${path}.maxFailedIndexes`, maxFailed, 'requires indexed completion mode', 'set completionMode: Indexed'));
  }
  return errs;
}

/** k8s: validatePodReplacementPolicy (1.29+) */
function validatePodReplacementPolicy(spec: Record<string, any>, path: string): Errors {
  const policy = spec.podReplacementPolicy;
  if (!isSet(policy)) return [];
  if (isSet(spec.podFailurePolicy)) return policy === 'Failed' ? [] : [notSupported(path, policy, ['Failed'])];
  return POD_REPLACEMENT_POLICIES.includes(policy) ? [] : [notSupported(path, policy, POD_REPLACEMENT_POLICIES)];
}

/**
 * k8s: validateJobSpec (the Job-level parts; the template is the Pod rules').
 * `defaulted`: SetDefaults_Job ran first (a Job; a CronJob's jobTemplate is
 * not a Job and keeps what it says): completions and parallelism both unset become 1.
 */
function validateJobSpec(spec: Record<string, any>, path: string, defaulted: boolean, kept: JobFieldsKept): Errors {
  const errs: Errors = [];
  for (const field of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    errs.push(...nonNegative(spec[field], `${path}.${field}`));
  }
  if (isSet(spec.completionMode)) {
    const mode = spec.completionMode;
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      const completions = !isSet(spec.completions) && defaulted && !isSet(spec.parallelism) ? 1 : spec.completions;
      if (!isSet(completions)) errs.push(required(`${path}.completions`, 'when completion mode is Indexed', 'an Indexed Job needs completions (the number of indexes)'));
      if (isInt(spec.parallelism) && spec.parallelism > 100000) errs.push(invalid(`${path}.parallelism`, spec.parallelism, 'must be less than or equal to 100000 when completion mode is Indexed'));
    }
  }
  if (kept.perIndex) errs.push(...validatePerIndexFields(spec, path, defaulted));
  if (isSet(spec.podFailurePolicy)) errs.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`, defaulted, kept));
  if (kept.podReplacementPolicy) errs.push(...validatePodReplacementPolicy(spec, `${path}.podReplacementPolicy`));
  const restartPolicy = obj(obj(spec.template).spec).restartPolicy;
  if (isSet(spec.podFailurePolicy) && restartPolicy === 'OnFailure') {
    errs.push(invalid(`${path}.template.spec.restartPolicy`, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** k8s: ValidateJob (selector generation, Indexed host names) */
function validateJob(job: any, kept: JobFieldsKept): Errors {
  const spec = obj(job.spec);
  const errs = validateJobSpec(spec, 'spec', true, kept);
  const name = str(obj(job.metadata).name);
  if (spec.manualSelector !== true) {
    // generateSelector: the selector must select exactly the generated labels (job-name, controller-uid).
    const selector = obj(spec.selector);
    const generated: Record<string, string | undefined> = { 'job-name': name, 'batch.kubernetes.io/job-name': name, 'controller-uid': undefined, 'batch.kubernetes.io/controller-uid': undefined };
    // A controller-uid written in the manifest cannot be the uid the server assigns on create.
    const foreign = Object.entries(obj(selector.matchLabels)).filter(([k, v]) => generated[k] === undefined || generated[k] !== v);
    if (isSet(spec.selector) && (foreign.length > 0 || list(selector.matchExpressions).length > 0)) {
      errs.push(invalid('spec.selector', spec.selector, '`selector` not auto-generated', 'remove spec.selector (Jobs generate theirs), or set spec.manualSelector: true'));
    }
  } else if (!isSet(spec.selector)) {
    errs.push(required('spec.selector', '', 'with manualSelector: true, give the selector'));
  } else if (!selectorMatches(spec.selector, obj(obj(spec.template).metadata).labels)) {
    // k8s: ValidateJobSpec: the selector, manual or generated, must match the Pods the Job creates.
    errs.push(invalid('spec.template.metadata.labels', obj(obj(spec.template).metadata).labels ?? {}, '`selector` does not match template `labels`', 'give the template every label the selector requires'));
  }
  // generateSelector labels the template job-name and batch.kubernetes.io/job-name = the Job's name.
  const templateLabels = obj(obj(obj(spec.template).metadata).labels);
  for (const key of ['batch.kubernetes.io/controller-uid', 'controller-uid']) {
    if (spec.manualSelector !== true && key in templateLabels) {
      errs.push(invalid(`spec.template.metadata.labels[${key}]`, templateLabels, "must be '<the uid the API server gives the Job>'", 'remove the label: the API server sets it'));
    }
  }
  for (const key of ['batch.kubernetes.io/job-name', 'job-name']) {
    const value = key in templateLabels ? str(templateLabels[key]) : name;
    if (!(key in templateLabels)) {
      errs.push(...labelValueErrors(value).map((msg) => invalid('spec.template.labels', value, `${msg} (the label ${key} the API server adds)`)));
    } else if (spec.manualSelector !== true && value !== name) {
      // k8s: validateGeneratedSelector / ValidateHasLabel: generateSelector keeps a label the template already has; it must say the Job's name.
      errs.push(invalid(`spec.template.metadata.labels[${key}]`, templateLabels, `must be '${name}'`, `remove the label (the API server sets it) or set it to ${JSON.stringify(name)}`));
    }
  }
  if (spec.completionMode === 'Indexed' && isInt(spec.completions) && spec.completions > 0) {
    const host = `${name}-${spec.completions - 1}`;
    if (dns1123LabelErrors(host).length > 0) errs.push(invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${host}`));
  }
  return errs;
}

/** k8s: validateTimeZone */
function validateTimeZone(zone: unknown, path: string): Errors {
  if (!isSet(zone)) return [];
  const tz = str(zone);
  if (tz === '') return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) return [invalid(path, tz, `unknown time zone ${tz}`)];
  }
  if (tz.toLowerCase() === 'local') return [invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  return isKnownTimeZone(tz) ? [] : [invalid(path, tz, `unknown time zone ${tz}`, 'use an IANA name such as Europe/Berlin or UTC')];
}

/** k8s: ValidateCronJobCreate / validateCronJobSpec / ValidateJobTemplateSpec */
function validateCronJob(cronJob: any, kept: JobFieldsKept): Errors {
  const spec = obj(cronJob.spec);
  const errs: Errors = [];
  const schedule = str(spec.schedule);
  if (schedule === '') {
    errs.push(required('spec.schedule', '', 'set a cron schedule such as "0 3 * * *"'));
  } else {
    const err = cronParseError(schedule);
    if (err !== undefined) errs.push(invalid('spec.schedule', schedule, err, 'use five fields: minute hour day-of-month month day-of-week, or a descriptor such as @hourly'));
    if (schedule.includes('TZ') && isSet(spec.timeZone)) errs.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...validateTimeZone(spec.timeZone, 'spec.timeZone'));
  const policy = isSet(spec.concurrencyPolicy) && spec.concurrencyPolicy !== '' ? spec.concurrencyPolicy : 'Allow';
  if (!CONCURRENCY_POLICIES.includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, CONCURRENCY_POLICIES));
  const jobSpec = obj(obj(spec.jobTemplate).spec);
  errs.push(...validateJobSpec(jobSpec, 'spec.jobTemplate.spec', false, kept));
  if (isSet(jobSpec.selector)) errs.push(invalid('spec.jobTemplate.spec.selector', jobSpec.selector, '`selector` will be auto-generated', 'remove it'));
  if (jobSpec.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

/** The batch/v1 checks of `kind` on an API server of `version`, or none for other kinds. */
export function validateBatch(kind: string, object: any, version: KubernetesVersion = KubernetesVersion.DEFAULT): Errors {
  if (!isObject(object)) return [];
  if (kind === 'Job') return validateJob(object, jobFieldsKept(version));
  if (kind === 'CronJob') return validateCronJob(object, jobFieldsKept(version));
  return [];
}
