import { parseArgs } from 'util';
import { describeArgError, kubernetesVersionOption, parseCommandLine, UsageError } from '../../src/cli/command-line';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';

function argError(args: string[]): Error & { code?: string } {
  try {
    parseArgs({ args, options: { format: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

describe('describeArgError: one line naming the option, the options and the help', () => {
  test('an unknown option', () => {
    expect(describeArgError(argError(['--fromat', 'json']), 'tool run', '--format and --help'))
      .toBe('unknown option "--fromat": the options are --format and --help (see tool run --help)');
  });
  test('an option without its value', () => {
    expect(describeArgError(argError(['--format']), 'tool run', '--format and --help')).toBe('option "--format" needs a value (see tool run --help)');
  });
  test('a flag given a value', () => {
    expect(describeArgError(argError(['--help=yes']), 'tool run', '--format and --help')).toBe('option "--help" takes no value (see tool run --help)');
  });
});

describe('kubernetesVersionOption', () => {
  test('absent: the default release (1.28)', () => {
    expect(kubernetesVersionOption(undefined)).toBe(KubernetesVersion.DEFAULT);
  });
  test('a supported release', () => {
    expect(kubernetesVersionOption('1.33')).toBe(KubernetesVersion.V1_33);
  });
  test.each(['1.27', '1.36', 'v1.33', 'latest'])('%s is a usage error listing the supported releases', (name) => {
    expect(() => kubernetesVersionOption(name)).toThrow(UsageError);
    expect(() => kubernetesVersionOption(name)).toThrow(/^--kubernetes-version: .*1\.28.*1\.35/);
  });
});

describe('kubernetesVersionOption with --feature-gates values', () => {
  test('gates from every flag, later ones winning, on the release given', () => {
    const version = kubernetesVersionOption('1.30', ['SidecarContainers=false, ProcMountType=true', 'SidecarContainers=True', '']);
    expect(version.name).toBe('1.30');
    expect(version.featureGates).toEqual({ SidecarContainers: true, ProcMountType: true });
  });
  test('none given: the shared instance', () => {
    expect(kubernetesVersionOption('1.33', [])).toBe(KubernetesVersion.V1_33);
  });
  test.each([['SidecarContainers'], ['SidecarContainers=on'], ['=true']])('"%s" is a usage error', (flag) => {
    expect(() => kubernetesVersionOption(undefined, [flag])).toThrow(UsageError);
  });
});

describe('parseCommandLine: one UsageError line listing the options in their declared order', () => {
  const options = { 'format': { type: 'string' }, 'kubernetes-version': { type: 'string' }, 'help': { type: 'boolean', short: 'h' } } as const;

  test('values and positionals as util.parseArgs gives them', () => {
    const { values, positionals } = parseCommandLine(['--format', 'json', 'a.yaml', '-h'], 'tool run', options);
    expect([values.format, values.help, positionals]).toEqual(['json', true, ['a.yaml']]);
  });

  test('an unknown option names every option', () => {
    expect(() => parseCommandLine(['--fromat', 'json'], 'tool run', options)).toThrow(UsageError);
    expect(() => parseCommandLine(['--fromat', 'json'], 'tool run', options))
      .toThrow('unknown option "--fromat": the options are --format, --kubernetes-version and --help (see tool run --help)');
  });
});
