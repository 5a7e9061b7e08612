import * as kplus from 'cdk8s-plus-28';
import {
  ImageReference,
  imageReferenceProblem,
} from '../../src/image/image-reference';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';

// Ground truth: Kubernetes release-1.28, which vendors github.com/docker/distribution
// v2.8.2 and github.com/opencontainers/go-digest v1.0.0 (go.mod). Cases come from
// vendor/github.com/docker/distribution/reference/{reference,normalize}_test.go,
// pkg/util/parsers/parsers_test.go and pkg/apis/core/v1/defaults_test.go; cases marked
// "trap" follow from reading the sources (normalize.go, reference.go, go-digest,
// pkg/apis/core/v1/defaults.go SetDefaults_Container).

const SHA256_F = `sha256:${'f'.repeat(64)}`;
const SHA256_E3B0 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SHA256_86E0 = 'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
const SHA512_F = `sha512:${'f'.repeat(128)}`;
const HEX_IDENTIFIER = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';
const LONG_NAMESPACE = `${Array(4).fill('this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255').join('_')}/docker`;

describe('ImageReference.parse normalises like ParseNormalizedNamed (k8s: vendor/github.com/docker/distribution/reference/normalize.go)', () => {
  // k8s: normalize_test.go TestParseRepositoryInfo and TestNormalizedSplitHostname
  test.each([
    ['fooo/bar', 'docker.io', 'fooo/bar'],
    ['index.docker.io/fooo/bar', 'docker.io', 'fooo/bar'],
    ['ubuntu', 'docker.io', 'library/ubuntu'],
    ['library/ubuntu', 'docker.io', 'library/ubuntu'],
    ['docker.io/library/ubuntu', 'docker.io', 'library/ubuntu'],
    ['nonlibrary/ubuntu', 'docker.io', 'nonlibrary/ubuntu'],
    ['other/library', 'docker.io', 'other/library'],
    ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000', 'private/moonbase'],
    ['127.0.0.1:8000/privatebase', '127.0.0.1:8000', 'privatebase'],
    ['example.com/private/moonbase', 'example.com', 'private/moonbase'],
    ['example.com:8000/privatebasee', 'example.com:8000', 'privatebasee'],
    ['ubuntu-12.04-base', 'docker.io', 'library/ubuntu-12.04-base'],
    ['index.docker.io/library/ubuntu-12.04-base', 'docker.io', 'library/ubuntu-12.04-base'],
    ['foo', 'docker.io', 'library/foo'],
    ['docker.io/foo', 'docker.io', 'library/foo'],
    ['library/foo/bar', 'docker.io', 'library/foo/bar'],
    ['store/foo/bar', 'docker.io', 'store/foo/bar'],
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', 'docker.io', 'test_com/foo'],
    ['docker/migrator', 'docker.io', 'docker/migrator'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
  ])('%s -> domain %s, path %s', (image, domain, path) => {
    const reference = ImageReference.parse(image);
    expect(reference.domain).toBe(domain);
    expect(reference.path).toBe(path);
    expect(reference.repository).toBe(`${domain}/${path}`);
    expect(reference.image).toBe(image);
  });

  test('docker.io/busybox normalises to docker.io/library/busybox (trap: normalize.go splitDockerDomain)', () => {
    expect(ImageReference.parse('docker.io/busybox').repository).toBe('docker.io/library/busybox');
  });

  test('"localhost" is a registry even without "." or ":" (normalize.go splitDockerDomain)', () => {
    expect(ImageReference.parse('localhost/foo').repository).toBe('localhost/foo');
    expect(ImageReference.parse('localhost:5000/app').domain).toBe('localhost:5000');
  });

  test('a first component without "." or ":" is a Docker Hub namespace, not a registry (normalize.go splitDockerDomain)', () => {
    // reference_test.go TestReferenceParse reads "foo" as the domain of foo/foo_bar.com:8080
    // with plain Parse; the kubelet normalises first, so it is a Docker Hub namespace.
    const reference = ImageReference.parse('foo/foo_bar.com:8080');
    expect(reference.repository).toBe('docker.io/foo/foo_bar.com');
    expect(reference.tag).toBe('8080');
  });

  test('the registry host may use capitals (regexp.go domainComponentRegexp is [a-zA-Z0-9])', () => {
    expect(ImageReference.parse('Example.com/app:1').domain).toBe('Example.com');
    expect(ImageReference.parse('LOCALHOST:5000/app').domain).toBe('LOCALHOST:5000');
  });

  test('a first component that is not a host but is a path component becomes part of the path (reference.go Parse, anchoredNameRegexp)', () => {
    const reference = ImageReference.parse('my_registry.example/app');
    expect(reference.domain).toBe('');
    expect(reference.path).toBe('my_registry.example/app');
    expect(reference.repository).toBe('my_registry.example/app');
  });
});

describe('ImageReference.parse accepts what the grammar accepts (k8s: reference/regexp.go)', () => {
  // k8s: normalize_test.go TestValidateReferenceName validRepoNames, TestValidateRemoteName validRepositoryNames
  test.each([
    'docker/docker',
    'library/debian',
    'debian',
    'docker.io/docker/docker',
    'docker.io/library/debian',
    'docker.io/debian',
    'index.docker.io/docker/docker',
    'index.docker.io/library/debian',
    'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker',
    '127.0.0.1:5000/library/debian',
    '127.0.0.1:5000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    `docker.io/${HEX_IDENTIFIER}`,
    'docker-rules/docker',
    'docker---rules/docker',
    'doc/docker',
    'd/docker',
    'jess/t',
    'dock__er/docker',
  ])('accepts %s', (image) => {
    expect(imageReferenceProblem(image)).toBeUndefined();
    expect(() => ImageReference.parse(image)).not.toThrow();
  });

  // k8s: reference_test.go TestReferenceParse (valid inputs; repository shown after normalisation)
  test.each([
    ['test_com', 'docker.io/library/test_com', undefined, undefined],
    ['test.com:tag', 'docker.io/library/test.com', 'tag', undefined],
    ['test.com:5000', 'docker.io/library/test.com', '5000', undefined],
    ['test.com/repo:tag', 'test.com/repo', 'tag', undefined],
    ['test:5000/repo', 'test:5000/repo', undefined, undefined],
    ['test:5000/repo:tag', 'test:5000/repo', 'tag', undefined],
    [`test:5000/repo@${SHA256_F}`, 'test:5000/repo', undefined, SHA256_F],
    [`test:5000/repo:tag@${SHA256_F}`, 'test:5000/repo', 'tag', SHA256_F],
    ['lowercase:Uppercase', 'docker.io/library/lowercase', 'Uppercase', undefined],
    ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com/bar/baz/quux', undefined, undefined],
    ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com/bar/baz/quux', 'some-long-tag', undefined],
    ['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io/test.example.com/my-app', 'test.example.com', undefined],
    ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com/myimage', 'xn--n3h.com', undefined],
    [`xn--7o8h.com/myimage:xn--7o8h.com@${SHA512_F}`, 'xn--7o8h.com/myimage', 'xn--7o8h.com', SHA512_F],
    ['foo_bar.com:8080', 'docker.io/library/foo_bar.com', '8080', undefined],
  ])('%s -> %s tag %s digest %s', (image, repository, tag, digest) => {
    const reference = ImageReference.parse(image);
    expect(reference.repository).toBe(repository);
    expect(reference.tag).toBe(tag);
    expect(reference.digest).toBe(digest);
  });

  test('name:latest@digest keeps both (normalize_test.go TestParseReferenceWithTagAndDigest)', () => {
    const reference = ImageReference.parse(`busybox:latest@${SHA256_86E0}`);
    expect(reference.repository).toBe('docker.io/library/busybox');
    expect(reference.tag).toBe('latest');
    expect(reference.digest).toBe(SHA256_86E0);
  });

  test('a tag of 128 characters is accepted (regexp.go TagRegexp [\\w][\\w.-]{0,127})', () => {
    expect(ImageReference.parse(`busybox:${'a'.repeat(128)}`).tag).toHaveLength(128);
  });

  test('a 64-hex name with a tag is a repository, the identifier check is on the whole string (trap: normalize.go)', () => {
    expect(ImageReference.parse(`${HEX_IDENTIFIER}:1`).repository).toBe(`docker.io/library/${HEX_IDENTIFIER}`);
  });

  test('sha384 and sha512 digests are accepted (go-digest algorithm.go; parsers.go imports crypto/sha512)', () => {
    expect(ImageReference.parse(`app@sha384:${'a'.repeat(96)}`).digest).toBe(`sha384:${'a'.repeat(96)}`);
    expect(ImageReference.parse(`app@${SHA512_F}`).digest).toBe(SHA512_F);
  });

  test('a normalised name of exactly 255 characters is accepted (reference.go NameTotalLengthMax)', () => {
    const image = `example.com/${'a/'.repeat(121)}a`;
    expect(ImageReference.parse(image).repository).toHaveLength(255);
  });
});

describe('ImageReference.parse rejects what the kubelet rejects with InvalidImageName', () => {
  // k8s: normalize_test.go TestValidateReferenceName invalidRepoNames, TestValidateRemoteName invalidRepositoryNames
  test.each([
    'https://github.com/docker/docker',
    'docker/Docker',
    '-docker',
    '-docker/docker',
    '-docker.io/docker/docker',
    'docker///docker',
    'docker.io/docker/Docker',
    'docker.io/docker///docker',
    HEX_IDENTIFIER,
    'docker-/docker',
    '-docker-/docker',
    '____/____',
    '_docker/_docker',
    'dock..er/docker',
    'dock_.er/docker',
    'dock-.er/docker',
    'docker/',
    LONG_NAMESPACE,
  ])('rejects %s', (image) => {
    expect(imageReferenceProblem(image)).toEqual(expect.any(String));
    expect(() => ImageReference.parse(image)).toThrow(`image ${JSON.stringify(image)} is not a valid image reference: `);
  });

  // k8s: reference_test.go TestReferenceParse (inputs with err)
  test.each([
    '',
    ':justtag',
    `@${SHA256_F}`,
    `repo@sha256:${'f'.repeat(34)}`,
    `validname@invaliddigest:${'f'.repeat(64)}`,
    'Uppercase:tag',
    'test:5000/Uppercase/lowercase:tag',
    `${'a/'.repeat(128)}a:tag`,
    'aa/asdf$$^/aa',
  ])('rejects %j', (image) => {
    expect(imageReferenceProblem(image)).toEqual(expect.any(String));
  });

  test('Uppercase/lowercase:tag is rejected once normalised (reference_test.go FIXME: plain Parse took "Uppercase" as a domain)', () => {
    expect(imageReferenceProblem('Uppercase/lowercase:tag')).toMatch(/must be lowercase, got "Uppercase\/lowercase"/);
  });

  test('Docker/docker is rejected by docker/distribution v2.8.2 (only the later distribution/reference reads "Docker" as a host)', () => {
    expect(imageReferenceProblem('Docker/docker')).toMatch(/must be lowercase/);
    expect(imageReferenceProblem('DOCKER/docker')).toMatch(/must be lowercase/);
    expect(imageReferenceProblem('Localhost/app')).toMatch(/must be lowercase/);
  });

  test('a name valid for plain Parse is too long once "docker.io/" is prepended (trap: reference_test.go tag-puts-this-over-max)', () => {
    const image = `${'a/'.repeat(127)}a:tag-puts-this-over-max`;
    expect(imageReferenceProblem(image)).toMatch(/is 265 characters long once normalised \(at most 255/);
    expect(imageReferenceProblem(`example.com/${'a/'.repeat(121)}ab`)).toMatch(/256 characters long/);
    expect(imageReferenceProblem(LONG_NAMESPACE)).toMatch(/characters long once normalised/);
  });
});

describe('rejection messages say what is wrong and how to fix it', () => {
  test('upper-case repository', () => {
    expect(() => ImageReference.parse('BusyBox:1.28')).toThrow(
      'image "BusyBox:1.28" is not a valid image reference: repository names must be lowercase, got "BusyBox"',
    );
    expect(() => ImageReference.parse('BusyBox:1.28')).toThrow('write "busybox"');
    expect(imageReferenceProblem('Example.com/Team/app:1')).toMatch(/got "Team\/app".*write "team\/app"/);
  });

  test('upper-case digest algorithm without a tag lands in the repository check (trap: normalize.go remoteName runs to the first ":")', () => {
    expect(imageReferenceProblem(`app@SHA256:${'f'.repeat(64)}`))
      .toBe('digest algorithm "SHA256" must be lowercase: write "sha256"');
  });

  test('upper-case digest algorithm after a tag is a digest format error (go-digest DigestRegexpAnchored)', () => {
    expect(imageReferenceProblem(`app:1@SHA256:${'f'.repeat(64)}`))
      .toBe('digest algorithm "SHA256" must be lowercase: write "sha256"');
  });

  test('digest too short for the grammar (regexp.go DigestRegexp needs 32 hex characters)', () => {
    expect(imageReferenceProblem('app@sha256:short')).toMatch(/^digest "sha256:short" is malformed: write <algorithm>:<hex>/);
    expect(imageReferenceProblem(`app@sha256:${'f'.repeat(31)}`)).toMatch(/is malformed/);
  });

  test('digest of the wrong length (go-digest ErrDigestInvalidLength)', () => {
    expect(imageReferenceProblem(`app@sha256:${'f'.repeat(63)}`))
      .toBe(`digest "sha256:${'f'.repeat(63)}" has 63 hex characters but sha256 needs 64: copy the whole digest`);
  });

  test('digest in upper-case hex (go-digest anchoredEncodedRegexps ^[a-f0-9]{64}$)', () => {
    expect(imageReferenceProblem(`app@sha256:${'F'.repeat(64)}`))
      .toBe(`digest "sha256:${'F'.repeat(64)}" must be lowercase hex: write "sha256:${'f'.repeat(64)}"`);
  });

  test('unsupported digest algorithms (go-digest ErrDigestUnsupported), including Object.prototype names', () => {
    expect(imageReferenceProblem(`app@md5:${'f'.repeat(32)}`))
      .toBe('digest algorithm "md5" is not supported: use sha256, sha384 or sha512');
    expect(imageReferenceProblem(`app@constructor:${'f'.repeat(32)}`)).toMatch(/"constructor" is not supported/);
  });

  test('nothing after "@"', () => {
    expect(imageReferenceProblem('app@')).toMatch(/^nothing follows "@"/);
  });

  test('empty tag', () => {
    expect(imageReferenceProblem('app:')).toBe('the tag after ":" is empty: write a tag such as ":1.28" or remove the ":"');
    expect(imageReferenceProblem('localhost:5000/app:')).toMatch(/tag after ":" is empty/);
  });

  test('a tag of 129 characters', () => {
    expect(imageReferenceProblem(`busybox:${'a'.repeat(129)}`)).toMatch(/is 129 characters long: a tag has at most 128 characters$/);
  });

  test('tag characters (regexp.go TagRegexp)', () => {
    expect(imageReferenceProblem('busybox:-1')).toMatch(/^tag "-1" must start with a letter, a digit or "_"/);
    expect(imageReferenceProblem('busybox:.1')).toMatch(/must start with/);
    expect(imageReferenceProblem('busybox:v1!')).toMatch(/^tag "v1!" may only contain/);
  });

  test('whitespace', () => {
    expect(() => ImageReference.parse(' busybox:1.28')).toThrow(
      'image " busybox:1.28" is not a valid image reference: it has leading or trailing whitespace: remove it',
    );
    expect(imageReferenceProblem('busybox:1.28 ')).toBe('it has leading or trailing whitespace: remove it');
    expect(imageReferenceProblem('busybox:1.28\n')).toBe('it has leading or trailing whitespace: remove it');
    expect(imageReferenceProblem('busy box')).toBe('it contains whitespace: remove it');
  });

  test('empty string', () => {
    expect(() => ImageReference.parse('')).toThrow('image "" is not a valid image reference: it is empty: set an image such as "busybox:1.28"');
  });

  test('64-hex image ID (normalize.go: cannot specify 64-byte hexadecimal strings)', () => {
    expect(imageReferenceProblem(HEX_IDENTIFIER)).toMatch(/is an image ID, not a repository name/);
  });

  test('URL scheme', () => {
    expect(imageReferenceProblem('https://github.com/docker/docker')).toBe('it starts with the URL scheme "https://": remove it');
  });

  test('path components', () => {
    expect(imageReferenceProblem('docker///docker')).toBe('repository path "docker///docker" has an empty component: remove the extra "/"');
    expect(imageReferenceProblem('docker/')).toMatch(/has an empty component/);
    expect(imageReferenceProblem('-docker')).toMatch(/^path component "-docker" is malformed/);
    expect(imageReferenceProblem('aa/asdf$$^/aa')).toMatch(/^path component "asdf\$\$\^" is malformed/);
    expect(imageReferenceProblem(':justtag')).toBe('the repository name is missing: write it before the ":" or "@"');
  });

  test('registry host', () => {
    expect(imageReferenceProblem('localhost:/app')).toMatch(/^registry host "localhost:" is malformed/);
    expect(imageReferenceProblem('registry:port/app')).toMatch(/^registry host "registry:port" is malformed/);
  });

  test('non-string input from a hand-written manifest', () => {
    expect(imageReferenceProblem(1.28 as unknown as string)).toBe('it is a number, not a string: write the image as a quoted string');
    expect(() => ImageReference.parse(undefined as unknown as string)).toThrow('image undefined is not a valid image reference');
  });
});

describe('ImageReference.parse(image).defaultPullPolicy matches SetDefaults_Container (k8s: pkg/apis/core/v1/defaults.go)', () => {
  test.each([
    // k8s: defaults_test.go TestSetDefaultReplicationControllerInitContainers "imagePullIPolicy"
    ['busybox', 'Always'],
    // k8s: parsers_test.go TestParseImageName (tag "latest" when neither tag nor digest)
    ['root', 'Always'],
    ['root:tag', 'IfNotPresent'],
    [`root@${SHA256_E3B0}`, 'IfNotPresent'],
    ['user/repo', 'Always'],
    ['user/repo:tag', 'IfNotPresent'],
    [`user/repo@${SHA256_E3B0}`, 'IfNotPresent'],
    ['url:5000/repo', 'Always'],
    ['url:5000/repo:tag', 'IfNotPresent'],
    [`url:5000/repo@${SHA256_E3B0}`, 'IfNotPresent'],
    // traps, from defaults.go + parsers.go
    ['localhost:5000/app', 'Always'],
    ['busybox:latest', 'Always'],
    [`busybox:latest@${SHA256_86E0}`, 'Always'],
    [`busybox@${SHA256_86E0}`, 'IfNotPresent'],
    ['busybox:Latest', 'IfNotPresent'],
    ['busybox:LATEST', 'IfNotPresent'],
    ['busybox:1.28', 'IfNotPresent'],
    ['gcr.io/proj/app:v1.2', 'IfNotPresent'],
    [`registry:5000/ns/app:1@${SHA256_F}`, 'IfNotPresent'],
    ['test.com:5000', 'IfNotPresent'],
  ])('%s -> %s', (image, policy) => {
    expect(ImageReference.parse(image).defaultPullPolicy).toBe(policy);
  });
});

describe('ImageReference.defaultPullPolicy and isMutable', () => {
  test.each([
    ['busybox', kplus.ImagePullPolicy.ALWAYS, true],
    ['busybox:latest', kplus.ImagePullPolicy.ALWAYS, true],
    ['localhost:5000/app', kplus.ImagePullPolicy.ALWAYS, true],
    [`busybox:latest@${SHA256_86E0}`, kplus.ImagePullPolicy.ALWAYS, false],
    [`busybox@${SHA256_86E0}`, kplus.ImagePullPolicy.IF_NOT_PRESENT, false],
    ['busybox:1.28', kplus.ImagePullPolicy.IF_NOT_PRESENT, false],
    ['busybox:Latest', kplus.ImagePullPolicy.IF_NOT_PRESENT, false],
  ])('%s -> %s, mutable %s', (image, policy, mutable) => {
    const reference = ImageReference.parse(image);
    expect(reference.defaultPullPolicy).toBe(policy);
    expect(reference.isMutable).toBe(mutable);
  });

  test('tag and digest are undefined when absent, as written when present', () => {
    const bare = ImageReference.parse('busybox');
    expect(bare.tag).toBeUndefined();
    expect(bare.digest).toBeUndefined();
    expect(ImageReference.parse('busybox:Latest').tag).toBe('Latest');
  });
});

// 1.29+ vendors github.com/distribution/reference v0.5.0 instead of docker/distribution v2.8.2
// (kubernetes PR #120316; v1.29.0 go.mod). regexp.go `host = (?:domainName|ipv6address)` and
// normalize.go splitDockerDomain `case strings.ToLower(maybeDomain) != maybeDomain` accept more.
// IPv6 cases as in distribution/reference's reference tests (TestReferenceParse IPv6 hosts).
describe('image reference grammar per Kubernetes release', () => {
  const V = KubernetesVersion;
  const DIGEST = `sha256:${'f'.repeat(64)}`;

  test.each([
    ['[2001:db8::1]/repo', '[2001:db8::1]', 'repo', undefined],
    ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]', 'repo', 'tag'],
    ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'repo', undefined],
    ['[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000', 'repo', 'tag'],
    ['[2001:db8::]:5000/repo', '[2001:db8::]:5000', 'repo', undefined],
    ['[::1]:5000/repo', '[::1]:5000', 'repo', undefined],
  ])('IPv6 registry %s: refused by 1.28, parsed from 1.29', (image, domain, path, tag) => {
    expect(imageReferenceProblem(image, V.V1_28)).toBeDefined();
    for (const version of V.all().slice(1)) {
      const ref = ImageReference.parse(image, version);
      expect([ref.domain, ref.path, ref.tag]).toEqual([domain, path, tag]);
    }
  });

  test('an IPv6 registry with a digest keeps it', () => {
    expect(ImageReference.parse(`[2001:db8::1]:5000/repo:tag@${DIGEST}`, V.V1_30).digest).toBe(DIGEST);
  });

  test.each(['[fe80::1%eth0]:5000/repo', '[2001:db8::1]', '[2001:db8::1]:5000', '[2001:db8::1]:tag'])('%s is refused by every release', (image) => {
    for (const version of V.all()) expect(imageReferenceProblem(image, version)).toBeDefined();
  });

  test('an upper-case first component: a path 1.28 refuses, a registry from 1.29', () => {
    expect(imageReferenceProblem('Uppercase/lowercase:tag', V.V1_28)).toMatch(/must be lowercase, got "Uppercase\/lowercase"/);
    const ref = ImageReference.parse('Uppercase/lowercase:tag', V.V1_29);
    expect([ref.domain, ref.path, ref.tag, ref.repository]).toEqual(['Uppercase', 'lowercase', 'tag', 'Uppercase/lowercase']);
    expect(imageReferenceProblem('Uppercase/Lowercase:tag', V.V1_35)).toMatch(/must be lowercase, got "Lowercase"/);
  });

  test('what both grammars accept reads the same', () => {
    for (const image of ['busybox:1.28', 'localhost:5000/app', 'gcr.io/project/app@' + DIGEST, 'index.docker.io/library/nginx:1.25']) {
      const old = ImageReference.parse(image, V.V1_28);
      const later = ImageReference.parse(image, V.V1_35);
      expect([later.repository, later.tag, later.digest, later.defaultPullPolicy])
        .toEqual([old.repository, old.tag, old.digest, old.defaultPullPolicy]);
    }
  });

  test('the default is 1.28', () => {
    expect(() => ImageReference.parse('[::1]:5000/repo')).toThrow(/is not a valid image reference/);
  });
});

describe('parse results are remembered per image string (a pure function): the answer never changes', () => {
  test('a rejected image (upper-case repository, k8s: reference/regexp.go) is rejected again with the same message, an accepted one parses to the same values', () => {
    const first = () => ImageReference.parse('Nginx:1.25');
    expect(first).toThrow(/repository names must be lowercase, got "Nginx"/);
    expect(first).toThrow(/repository names must be lowercase, got "Nginx"/);
    const a = ImageReference.parse('localhost:5000/app:1.0');
    const b = ImageReference.parse('localhost:5000/app:1.0');
    expect([b.domain, b.path, b.tag, b.defaultPullPolicy]).toEqual([a.domain, a.path, a.tag, a.defaultPullPolicy]);
    expect([a.domain, a.path, a.tag]).toEqual(['localhost:5000', 'app', '1.0']);
  });

  test('more distinct images than the memo keeps still parse correctly (k8s: normalize.go, docker.io/library/ prefix)', () => {
    for (let i = 0; i < 1100; i++) {
      expect(ImageReference.parse(`app${i}:1.${i}`)).toMatchObject({ domain: 'docker.io', path: `library/app${i}`, tag: `1.${i}` });
    }
  });
});
