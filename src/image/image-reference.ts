// Types only: `lint` loads this module and must not pay for loading cdk8s-plus-28 (issue 13, bench/lint.js).
import type * as kplus from 'cdk8s-plus-28';
import { KubernetesVersion } from '../k8s/kubernetes-version';

/*
 * Image references read exactly as Kubernetes 1.28 reads them, and as 1.29+ does.
 *
 * Kubernetes release-1.28 (go.mod) vendors github.com/docker/distribution v2.8.2 and
 * github.com/opencontainers/go-digest v1.0.0. What this file ports:
 * - vendor/github.com/docker/distribution/reference/regexp.go     the grammar
 * - vendor/github.com/docker/distribution/reference/reference.go  Parse
 * - vendor/github.com/docker/distribution/reference/normalize.go  ParseNormalizedNamed
 * - vendor/github.com/opencontainers/go-digest/digest.go, algorithm.go  Digest.Validate
 * - pkg/util/parsers/parsers.go   ParseImageName (used by the kubelet and by defaulting)
 * - pkg/apis/core/v1/defaults.go  SetDefaults_Container (the imagePullPolicy default)
 *
 * From 1.29 Kubernetes vendors github.com/distribution/reference v0.5.0 instead (kubernetes
 * PR #120316, "Migrate from github.com/docker/distribution to github.com/distribution/reference";
 * v1.29.0 go.mod), whose grammar differs in two places, both accepting more:
 * - regexp.go `host = (?:domainName|ipv6address)`: a registry may be an IPv6 address in
 *   brackets, `[2001:db8::1]:5000/app:1` (v2.8.2's DomainRegexp has no brackets);
 * - normalize.go splitDockerDomain: a first component with an upper-case letter is a registry
 *   (`case strings.ToLower(maybeDomain) != maybeDomain`), so `Registry/app:1` pulls `app`
 *   from host `Registry`, where 1.28 reads the path `Registry/app` and rejects it (lowercase).
 * parsers.go ParseImageName and the rest of this port are the same in 1.29-1.35.
 *
 * The API server only requires `image` to be non-empty; a reference that does not parse
 * is stored as is and the kubelet then fails the container with InvalidImageName.
 */

// ---------------------------------------------------------------------------
// The grammar (regexp.go), built with the same combinators.

function expression(...parts: string[]): string {
  return parts.join('');
}

function group(...parts: string[]): string {
  return `(?:${expression(...parts)})`;
}

function optional(...parts: string[]): string {
  return `${group(...parts)}?`;
}

function repeated(...parts: string[]): string {
  return `${group(...parts)}+`;
}

function capture(...parts: string[]): string {
  return `(${expression(...parts)})`;
}

function anchored(...parts: string[]): RegExp {
  return new RegExp(`^${expression(...parts)}$`);
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ALPHA_NUMERIC = '[a-z0-9]+';

// regexp.go writes the separator `(?:[._]|__|[-]*)`. An empty `[-]*` only glues two
// alpha-numeric runs into one, which `[a-z0-9]+` already matches, so `[-]+` accepts
// exactly the same names. Go's RE2 runs in linear time whatever the pattern; a
// backtracking engine like JavaScript's would try exponentially many ways to split a
// long run of letters before rejecting it.
const SEPARATOR = '(?:[._]|__|[-]+)';

const NAME_COMPONENT = expression(ALPHA_NUMERIC, optional(repeated(SEPARATOR, ALPHA_NUMERIC)));

// Domain components allow upper case: the registry host is case-insensitive, the path is not.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';

const DOMAIN_NAME = expression(DOMAIN_COMPONENT, optional(repeated(literal('.'), DOMAIN_COMPONENT)));

const OPTIONAL_PORT = optional(literal(':'), '[0-9]+');

/** docker/distribution v2.8.2 DomainRegexp (Kubernetes 1.28). */
const DOMAIN = expression(DOMAIN_NAME, OPTIONAL_PORT);

/** distribution/reference v0.5.0 ipv6address: compressed or full IPv6 in brackets, no zone. */
const IPV6_ADDRESS = '\\[(?:[a-fA-F0-9:]+)\\]';

/** distribution/reference v0.5.0 domainAndPort (Kubernetes 1.29+). */
const DOMAIN_1_29 = expression(`(?:${DOMAIN_NAME}|${IPV6_ADDRESS})`, OPTIONAL_PORT);

const TAG = '[\\w][\\w.-]{0,127}';

const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';

const PATH = expression(NAME_COMPONENT, optional(repeated(literal('/'), NAME_COMPONENT)));

/** What differs between the vendored reference packages. */
interface Grammar {
  readonly reference: RegExp;
  readonly anchoredName: RegExp;
  readonly anchoredDomain: RegExp;
  /** normalize.go splitDockerDomain: an upper-case first component is a registry (v0.5.0). */
  readonly upperCaseFirstComponentIsDomain: boolean;
  /**
   * Parse results by image string: a bounded memo of a pure function. A Pod's
   * image is parsed at intake, by hardening and by three rules, and most
   * workloads of an app share a few images.
   */
  readonly parsed: Map<string, ParseResult>;
}

function grammar(domain: string, upperCaseFirstComponentIsDomain: boolean): Grammar {
  return {
    reference: anchored(capture(optional(domain, literal('/')), PATH), optional(literal(':'), capture(TAG)), optional(literal('@'), capture(DIGEST))),
    anchoredName: anchored(optional(capture(domain), literal('/')), capture(PATH)),
    anchoredDomain: anchored(domain),
    upperCaseFirstComponentIsDomain,
    parsed: new Map(),
  };
}

const GRAMMAR_1_28 = grammar(DOMAIN, false);
const GRAMMAR_1_29 = grammar(DOMAIN_1_29, true);

/** The reference grammar the kubelet and API server of `version` use. */
function grammarOf(version: KubernetesVersion): Grammar {
  return version.isAtLeast(KubernetesVersion.V1_29) ? GRAMMAR_1_29 : GRAMMAR_1_28;
}

const ANCHORED_IDENTIFIER_REGEXP = anchored('[a-f0-9]{64}');

// Used only to explain a rejection, never to decide one.
const ANCHORED_DIGEST_REGEXP = anchored(DIGEST);
const ANCHORED_NAME_COMPONENT_REGEXP = anchored(NAME_COMPONENT);

/** reference.go NameTotalLengthMax, checked on the normalised name. */
const NAME_TOTAL_LENGTH_MAX = 255;

/** reference.go / regexp.go: `[\w][\w.-]{0,127}`. */
const TAG_LENGTH_MAX = 128;

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_NAME = 'library';

/** parsers.go DefaultImageTag. */
const DEFAULT_TAG = 'latest';

// go-digest algorithm.go: the algorithms the kubelet can verify (parsers.go imports
// crypto/sha256 and crypto/sha512) and their hex length. A Map, so that an algorithm
// named like an Object.prototype member ("constructor") is not mistaken for one.
const DIGEST_HEX_LENGTHS = new Map<string, number>([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);

/** go-digest digest.go DigestRegexpAnchored. */
const GO_DIGEST_REGEXP = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

// ---------------------------------------------------------------------------
// ParseNormalizedNamed and friends.

interface NamedReference {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

type RejectionKind =
  | 'hex-identifier' // normalize.go: cannot specify 64-byte hexadecimal strings
  | 'uppercase' // ErrNameContainsUppercase / "repository name must be lowercase"
  | 'invalid-format' // ErrReferenceInvalidFormat
  | 'name-too-long' // ErrNameTooLong
  | 'digest-format' // go-digest ErrDigestInvalidFormat
  | 'digest-length' // go-digest ErrDigestInvalidLength
  | 'digest-unsupported'; // go-digest ErrDigestUnsupported

interface Rejection {
  readonly kind: RejectionKind;
  /** The digest for digest rejections, the normalised name for name-too-long. */
  readonly detail?: string;
}

type ParseResult =
  | { readonly ok: true; readonly reference: NamedReference }
  | { readonly ok: false; readonly rejection: Rejection };

function rejected(kind: RejectionKind, detail?: string): ParseResult {
  return { ok: false, rejection: { kind, detail } };
}

/** normalize.go ParseNormalizedNamed. */
function parseNormalizedNamed(image: string, g: Grammar): ParseResult {
  if (ANCHORED_IDENTIFIER_REGEXP.test(image)) {
    return rejected('hex-identifier');
  }
  const { domain, remainder } = splitDockerDomain(image, g);
  const remoteName = remainder.split(':')[0];
  if (remoteName.toLowerCase() !== remoteName) {
    return rejected('uppercase');
  }
  return parseReference(`${domain}/${remainder}`, g);
}

/** normalize.go splitDockerDomain. */
function splitDockerDomain(name: string, g: Grammar): { domain: string; remainder: string } {
  const explicit = explicitDomainOf(name, g);
  let domain = explicit ?? DEFAULT_DOMAIN;
  let remainder = explicit === undefined ? name : name.slice(explicit.length + 1);
  if (domain === LEGACY_DEFAULT_DOMAIN) {
    domain = DEFAULT_DOMAIN;
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) {
    remainder = `${OFFICIAL_REPO_NAME}/${remainder}`;
  }
  return { domain, remainder };
}

/**
 * The first component is a registry only if it has a "." or ":" or is exactly "localhost"
 * (or, from 1.29, has an upper-case letter).
 */
function explicitDomainOf(name: string, g: Grammar): string | undefined {
  const slash = name.indexOf('/');
  if (slash === -1) {
    return undefined;
  }
  const first = name.slice(0, slash);
  const upperCase = g.upperCaseFirstComponentIsDomain && first.toLowerCase() !== first;
  return /[.:]/.test(first) || first === 'localhost' || upperCase ? first : undefined;
}

/** reference.go Parse, on an already normalised string (so never empty, always named). */
function parseReference(normalised: string, g: Grammar): ParseResult {
  const match = g.reference.exec(normalised);
  if (match === null) {
    return rejected(g.reference.test(normalised.toLowerCase()) ? 'uppercase' : 'invalid-format');
  }
  const [, name, tag, digest] = match;
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    return rejected('name-too-long', name);
  }
  if (digest !== undefined) {
    const digestRejection = validateDigest(digest);
    if (digestRejection !== undefined) {
      return rejected(digestRejection, digest);
    }
  }
  const { domain, path } = splitName(name, g);
  return { ok: true, reference: { domain, path, tag, digest } };
}

/** reference.go Parse: anchoredNameRegexp decides the domain, not splitDockerDomain. */
function splitName(name: string, g: Grammar): { domain: string; path: string } {
  const match = g.anchoredName.exec(name);
  if (match === null) {
    return { domain: '', path: name };
  }
  return { domain: match[1] ?? '', path: match[2] };
}

/** go-digest Digest.Validate and Algorithm.Validate. */
function validateDigest(digest: string): RejectionKind | undefined {
  const colon = digest.indexOf(':');
  if (colon <= 0 || colon + 1 === digest.length) {
    return 'digest-format';
  }
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const hexLength = DIGEST_HEX_LENGTHS.get(algorithm);
  if (hexLength === undefined) {
    return GO_DIGEST_REGEXP.test(digest) ? 'digest-unsupported' : 'digest-format';
  }
  if (encoded.length !== hexLength) {
    return 'digest-length';
  }
  return /^[a-f0-9]+$/.test(encoded) ? undefined : 'digest-format';
}

/** parsers.go ParseImageName: no tag and no digest reads as "latest"; a digest alone has no tag. */
function kubeletTag(reference: NamedReference): string {
  if (reference.tag !== undefined) {
    return reference.tag;
  }
  return reference.digest === undefined ? DEFAULT_TAG : '';
}

/** How many parse results each grammar remembers before it starts afresh. */
const MAX_PARSED = 1024;

function parseImage(image: unknown, g: Grammar): ParseResult {
  if (typeof image !== 'string') {
    // A non-string never reaches defaulting: the API server fails to decode it.
    return rejected('invalid-format');
  }
  let result = g.parsed.get(image);
  if (result === undefined) {
    result = parseNormalizedNamed(image, g);
    if (g.parsed.size >= MAX_PARSED) g.parsed.clear();
    g.parsed.set(image, result);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Explaining a rejection: what is wrong and how to fix it.

function describeProblem(image: unknown, rejection: Rejection, g: Grammar): string {
  if (typeof image !== 'string') {
    return `it is a ${typeof image}, not a string: write the image as a quoted string`;
  }
  const whitespace = whitespaceProblem(image);
  if (whitespace !== undefined) {
    return whitespace;
  }
  switch (rejection.kind) {
    case 'hex-identifier':
      return 'a bare 64-character hexadecimal string is an image ID, not a repository name: '
        + 'name the repository and pin the ID as a digest, e.g. "busybox@sha256:<id>"';
    case 'uppercase':
      return uppercaseProblem(image, g);
    case 'name-too-long':
      return nameTooLongProblem(rejection.detail ?? image);
    case 'digest-format':
    case 'digest-length':
    case 'digest-unsupported':
      return digestProblem(rejection.kind, rejection.detail ?? '');
    case 'invalid-format':
      return formatProblem(image, g);
  }
}

function whitespaceProblem(image: string): string | undefined {
  if (image === '') {
    return 'it is empty: set an image such as "busybox:1.28"';
  }
  if (image.trim() !== image) {
    return 'it has leading or trailing whitespace: remove it';
  }
  if (/\s/.test(image)) {
    return 'it contains whitespace: remove it';
  }
  return undefined;
}

function uppercaseProblem(image: string, g: Grammar): string {
  // The same part normalize.go checks: after an explicit registry, up to the first ":".
  const explicit = explicitDomainOf(image, g);
  const remoteName = (explicit === undefined ? image : image.slice(explicit.length + 1)).split(':')[0];
  const [path, digestAlgorithm] = remoteName.split('@');
  if (path.toLowerCase() !== path) {
    return `repository names must be lowercase, got "${path}" (only a registry host such as "Registry.example.com/" `
      + `may use capitals): write "${path.toLowerCase()}"`;
  }
  if (digestAlgorithm !== undefined && digestAlgorithm.toLowerCase() !== digestAlgorithm) {
    return `digest algorithm "${digestAlgorithm}" must be lowercase: write "${digestAlgorithm.toLowerCase()}"`;
  }
  return 'repository names must be lowercase: write the repository path in lowercase';
}

function nameTooLongProblem(normalisedName: string): string {
  return `repository name "${normalisedName}" is ${normalisedName.length} characters long once normalised `
    + `(at most ${NAME_TOTAL_LENGTH_MAX}; Docker Hub names count their "docker.io/" prefix): shorten it`;
}

function digestProblem(kind: RejectionKind, digest: string): string {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const hexLength = DIGEST_HEX_LENGTHS.get(algorithm);
  if (kind === 'digest-length' && hexLength !== undefined) {
    return `digest "${digest}" has ${encoded.length} hex characters but ${algorithm} needs ${hexLength}: copy the whole digest`;
  }
  if (hexLength !== undefined) {
    return `digest "${digest}" must be lowercase hex: write "${algorithm}:${encoded.toLowerCase()}"`;
  }
  if (DIGEST_HEX_LENGTHS.has(algorithm.toLowerCase())) {
    return `digest algorithm "${algorithm}" must be lowercase: write "${algorithm.toLowerCase()}"`;
  }
  return `digest algorithm "${algorithm}" is not supported: use sha256, sha384 or sha512`;
}

function formatProblem(image: string, g: Grammar): string {
  return schemeProblem(image)
    ?? digestSyntaxProblem(image)
    ?? tagSyntaxProblem(image)
    ?? nameSyntaxProblem(image, g)
    ?? 'it does not follow [registry[:port]/]path[:tag][@digest]: check each part against that form';
}

function schemeProblem(image: string): string | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(image);
  return scheme === null ? undefined : `it starts with the URL scheme "${scheme[0]}": remove it`;
}

function digestSyntaxProblem(image: string): string | undefined {
  const at = image.indexOf('@');
  if (at === -1) {
    return undefined;
  }
  const digest = image.slice(at + 1);
  if (digest === '') {
    return 'nothing follows "@": write a digest such as "sha256:<64 hex characters>" or remove the "@"';
  }
  if (!ANCHORED_DIGEST_REGEXP.test(digest)) {
    return `digest "${digest}" is malformed: write <algorithm>:<hex>, e.g. "sha256:" followed by 64 lowercase hex characters`;
  }
  return undefined;
}

/** The part before "@", split at a ":" that comes after the last "/" (earlier ones belong to a port). */
function splitTag(image: string): { repository: string; tag?: string } {
  const name = image.split('@')[0];
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  if (colon === -1) {
    return { repository: name };
  }
  return { repository: name.slice(0, colon), tag: name.slice(colon + 1) };
}

function tagSyntaxProblem(image: string): string | undefined {
  const { tag } = splitTag(image);
  if (tag === undefined) {
    return undefined;
  }
  if (tag === '') {
    return 'the tag after ":" is empty: write a tag such as ":1.28" or remove the ":"';
  }
  if (tag.length > TAG_LENGTH_MAX) {
    return `tag "${tag}" is ${tag.length} characters long: a tag has at most ${TAG_LENGTH_MAX} characters`;
  }
  if (!/^\w/.test(tag)) {
    return `tag "${tag}" must start with a letter, a digit or "_": remove the leading "${tag[0]}"`;
  }
  if (/[^\w.-]/.test(tag)) {
    return `tag "${tag}" may only contain letters, digits, "_", "." and "-": remove the other characters`;
  }
  return undefined;
}

function nameSyntaxProblem(image: string, g: Grammar): string | undefined {
  const { repository } = splitTag(image);
  if (repository === '') {
    return 'the repository name is missing: write it before the ":" or "@"';
  }
  const domain = explicitDomainOf(repository, g);
  const path = domain === undefined ? repository : repository.slice(domain.length + 1);
  for (const component of path.split('/')) {
    if (component === '') {
      return `repository path "${path}" has an empty component: remove the extra "/"`;
    }
    if (!ANCHORED_NAME_COMPONENT_REGEXP.test(component)) {
      return `path component "${component}" is malformed: use lowercase letters and digits joined by `
        + '".", "_", "__" or dashes, with no separator at either end';
    }
  }
  if (domain !== undefined && !g.anchoredDomain.test(domain)) {
    return `registry host "${domain}" is malformed: write DNS labels joined by "." with an optional ":<port>", `
      + 'e.g. "registry.example.com:5000"';
  }
  return undefined;
}

function quoted(image: unknown): string {
  return typeof image === 'string' ? JSON.stringify(image) : String(image);
}

// ---------------------------------------------------------------------------
// Public API.

/**
 * A container image reference, parsed exactly as the kubelet of the target Kubernetes
 * release parses it (`ParseNormalizedNamed` of `github.com/docker/distribution/reference`
 * v2.8.2 in 1.28, of `github.com/distribution/reference` v0.5.0 from 1.29, with Docker Hub
 * normalisation: `busybox` is `docker.io/library/busybox`).
 *
 * Use it to know, before deploying, whether the kubelet would fail a container with
 * `InvalidImageName`, and which `imagePullPolicy` the API server would fill in.
 */
export class ImageReference {
  /**
   * Parses an image reference the way the kubelet does.
   *
   * @param image the reference as it would appear in a container's `image` field
   * @param kubernetesVersion the release whose kubelet reads it (1.29 added IPv6 registries
   * in brackets and upper-case registry names without a dot)
   * @default kubernetesVersion KubernetesVersion.DEFAULT (1.28)
   * @throws Error quoting the image, saying what is wrong and how to fix it, when the
   * kubelet could not parse it (upper-case repository, malformed digest, empty or
   * over-long tag, whitespace, empty string, ...)
   */
  public static parse(image: string, kubernetesVersion: KubernetesVersion = KubernetesVersion.DEFAULT): ImageReference {
    const g = grammarOf(kubernetesVersion);
    const result = parseImage(image, g);
    if (!result.ok) {
      throw new Error(`image ${quoted(image)} is not a valid image reference: ${describeProblem(image, result.rejection, g)}`);
    }
    return new ImageReference(image, result.reference);
  }

  /** The reference exactly as written; this is what goes into the manifest. */
  public readonly image: string;

  /**
   * The registry host, with its port if any, after normalisation: `docker.io` for Docker Hub
   * names (also when written `index.docker.io`), `localhost:5000`, `gcr.io`.
   *
   * Empty in one corner of the grammar: a first component with a "." that is not a valid
   * host but is a valid path component (`my_registry.example/app`) is read as part of the path.
   */
  public readonly domain: string;

  /** The repository path inside the registry, e.g. `library/busybox` for `busybox`. */
  public readonly path: string;

  /**
   * `domain/path`, e.g. `docker.io/library/busybox`: the repository the kubelet pulls
   * (the first result of `ParseImageName`).
   */
  public readonly repository: string;

  /**
   * The tag as written, case preserved (`Latest` is not `latest`).
   *
   * @default - undefined when the reference has no tag; Kubernetes then reads it as
   * `latest`, unless a digest is given
   */
  public readonly tag?: string;

  /**
   * The digest as written, e.g. `sha256:` followed by 64 hex characters.
   *
   * @default - undefined when the reference has no digest
   */
  public readonly digest?: string;

  /**
   * The `imagePullPolicy` the API server fills in when a container omits it
   * (`SetDefaults_Container`): `ALWAYS` when the tag is exactly `latest` or when there is
   * neither tag nor digest (`localhost:5000/app` has no tag; `name:latest@sha256:...` is
   * still `ALWAYS`); `IF_NOT_PRESENT` for any other tag and for a digest without a tag.
   */
  public readonly defaultPullPolicy: kplus.ImagePullPolicy;

  /**
   * True when the reference is not pinned: it has no digest, and its tag is absent or
   * exactly `latest`. Such an image can change under the same reference.
   */
  public readonly isMutable: boolean;

  private constructor(image: string, reference: NamedReference) {
    this.image = image;
    this.domain = reference.domain;
    this.path = reference.path;
    this.repository = reference.domain === '' ? reference.path : `${reference.domain}/${reference.path}`;
    this.tag = reference.tag;
    this.digest = reference.digest;
    this.defaultPullPolicy = defaultPullPolicyOf(reference) === 'Always'
      ? 'Always' as kplus.ImagePullPolicy // kplus.ImagePullPolicy.ALWAYS
      : 'IfNotPresent' as kplus.ImagePullPolicy; // kplus.ImagePullPolicy.IF_NOT_PRESENT
    this.isMutable = reference.digest === undefined && (reference.tag === undefined || reference.tag === DEFAULT_TAG);
  }
}

function defaultPullPolicyOf(reference: NamedReference): 'Always' | 'IfNotPresent' {
  return kubeletTag(reference) === DEFAULT_TAG ? 'Always' : 'IfNotPresent';
}

// ---------------------------------------------------------------------------
// Internal helpers for the rules over raw manifests (not re-exported from index.ts).

/**
 * Why the kubelet could not parse `image` and how to fix it (without the image or a
 * container name: the caller adds that context), or undefined when it parses.
 */
export function imageReferenceProblem(image: string, kubernetesVersion: KubernetesVersion = KubernetesVersion.DEFAULT): string | undefined {
  const g = grammarOf(kubernetesVersion);
  const result = parseImage(image, g);
  return result.ok ? undefined : describeProblem(image, result.rejection, g);
}
