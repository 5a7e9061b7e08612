import * as kplus from 'cdk8s-plus-28';
import { WorkloadKind } from './workload-kind';

/** Job `backoffLimit` is an int32 in batch/v1. */
const MAX_BACKOFF_LIMIT = 2147483647;

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

const VALID_FORMS = 'no, always, unless-stopped, on-failure, on-failure:N (N >= 0)';

/** What a Docker restart policy becomes in Kubernetes. */
interface Translation {
  readonly restartPolicy: kplus.RestartPolicy;
  readonly workloadKind: WorkloadKind;
  readonly backoffLimit?: number;
}

/**
 * A `docker run --restart` value translated to Kubernetes: the Pod
 * `restartPolicy` and the workload kind that gives the same behaviour, plus a
 * Job `backoffLimit` for `on-failure:N`.
 *
 * | `--restart` | workload | restartPolicy | why |
 * |---|---|---|---|
 * | `no` | Pod | Never | Docker runs the container once. A naked Pod with `Never` does the same; a Job would retry it (backoffLimit 6 by default). |
 * | `always` | Deployment | Always | Docker restarts the container whatever its exit code, also after a daemon restart. A Deployment restarts containers in place and also recreates Pods lost with their node. |
 * | `unless-stopped` | Deployment | Always | Like `always` until the user stops the container. Kubernetes has no "stopped by the user" state: the equivalent of `docker stop` is `kubectl scale --replicas=0`, which, like a stopped container, survives restarts. |
 * | `on-failure`, `on-failure:0` | Pod | OnFailure | Docker retries failures forever (0 means no limit), with back-off. The kubelet does the same for a Pod with `OnFailure` (CrashLoopBackOff); a Job would give up after backoffLimit 6. |
 * | `on-failure:N` (N >= 1) | Job | OnFailure | Docker gives up after N restarts; a Job's `backoffLimit: N` gives up after N retries. |
 *
 * Parsing follows Docker: the CLI splits at the first `:` and reads the count
 * as an integer (docker/cli `opts.ParseRestartPolicy`), and the daemon accepts a
 * count only with `on-failure` and never a negative one (moby
 * `api/types/container/hostconfig.go` `ValidateRestartPolicy`). As in Docker,
 * a count of 0 is the same as none, so `always:0` is `always`.
 */
export class DockerRestart {
  /**
   * Translate a `--restart` value, e.g. `on-failure:3` (the value only, without
   * `--restart=`).
   *
   * @throws Error with Docker's own wording and the valid forms when Docker
   * would reject the value, or when N does not fit a Job `backoffLimit`.
   */
  public static parse(flag: string): DockerRestart {
    const [name, count] = splitFlag(flag);
    return new DockerRestart(flag, translate(flag, name, count));
  }

  /** The `--restart` value as given. */
  public readonly flag: string;

  /** The Pod `restartPolicy` that matches the Docker policy. */
  public readonly restartPolicy: kplus.RestartPolicy;

  /** The workload that honours the Docker policy (see the class table). */
  public readonly workloadKind: WorkloadKind;

  /**
   * The Job `backoffLimit` for `on-failure:N` with N >= 1.
   *
   * @default undefined - the policy has no retry limit (only `on-failure:N` sets one)
   */
  public readonly backoffLimit?: number;

  private constructor(flag: string, translation: Translation) {
    this.flag = flag;
    this.restartPolicy = translation.restartPolicy;
    this.workloadKind = translation.workloadKind;
    this.backoffLimit = translation.backoffLimit;
  }
}

/**
 * Split at the first `:` into the policy name and its retry count (0 when
 * absent or empty).
 *
 * docker/cli opts/parse.go ParseRestartPolicy
 */
function splitFlag(flag: string): [string, number] {
  const colon = flag.indexOf(':');
  if (colon === -1) {
    return [flag, 0];
  }
  const name = flag.slice(0, colon);
  const count = flag.slice(colon + 1);
  if (name === '') {
    throw invalid(flag, 'invalid restart policy format: no policy provided before colon');
  }
  if (count === '') {
    return [name, 0];
  }
  if (!isGoInt(count)) {
    throw invalid(flag, 'invalid restart policy format: maximum retry count must be an integer');
  }
  return [name, Number(count)];
}

/** strconv.Atoi on 64-bit: optional sign, decimal digits, within int64. */
function isGoInt(text: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(text)) {
    return false;
  }
  const value = BigInt(text);
  return value >= INT64_MIN && value <= INT64_MAX;
}

/**
 * Map a Docker policy to Kubernetes, rejecting what the Docker daemon rejects.
 *
 * moby api/types/container/hostconfig.go ValidateRestartPolicy
 */
function translate(flag: string, name: string, count: number): Translation {
  switch (name) {
    case 'no':
      rejectCount(flag, count);
      return { restartPolicy: kplus.RestartPolicy.NEVER, workloadKind: WorkloadKind.POD };
    case 'always':
    case 'unless-stopped':
      rejectCount(flag, count);
      return { restartPolicy: kplus.RestartPolicy.ALWAYS, workloadKind: WorkloadKind.DEPLOYMENT };
    case 'on-failure':
      return translateOnFailure(flag, count);
    case '':
      throw invalid(flag, 'no restart policy given (Docker\'s default is no)');
    default:
      throw invalid(flag, `invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
}

function translateOnFailure(flag: string, count: number): Translation {
  if (count < 0) {
    throw invalid(flag, 'invalid restart policy: maximum retry count cannot be negative');
  }
  if (count === 0) {
    return { restartPolicy: kplus.RestartPolicy.ON_FAILURE, workloadKind: WorkloadKind.POD };
  }
  if (count > MAX_BACKOFF_LIMIT) {
    throw invalid(flag, `maximum retry count ${count} does not fit a Job backoffLimit (an int32, at most ${MAX_BACKOFF_LIMIT}); use on-failure (no limit) or a smaller N`);
  }
  return { restartPolicy: kplus.RestartPolicy.ON_FAILURE, workloadKind: WorkloadKind.JOB, backoffLimit: count };
}

function rejectCount(flag: string, count: number): void {
  if (count === 0) {
    return;
  }
  const negative = count < 0 ? ' and cannot be negative' : '';
  throw invalid(flag, `invalid restart policy: maximum retry count can only be used with 'on-failure'${negative}`);
}

function invalid(flag: string, reason: string): Error {
  return new Error(`docker --restart ${JSON.stringify(flag)}: ${reason}; valid forms are ${VALID_FORMS}`);
}
