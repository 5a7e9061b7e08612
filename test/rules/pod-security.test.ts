import { readFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';
import { KubernetesVersion } from '../../src/k8s/kubernetes-version';
import { SecurityProfile } from '../../src/policy/security-profile';
import { violationsOf } from '../../src/rules/engine';
import { Severity, Violation } from '../../src/rules/finding';
import { checkPodSecurity, POD_SECURITY_RULES, PodSecurityRule } from '../../src/rules/pod-security';
import { PodTemplateView } from '../../src/rules/pod-template';

// Ground truth: k8s.io/pod-security-admission v0.28 (Kubernetes 1.28),
// staging/src/k8s.io/pod-security-admission/policy/check_*.go and check_*_test.go,
// test/fixtures_*.go and test/testdata/{baseline,restricted}/v1.28/.

const { BASELINE, RESTRICTED, PRIVILEGED } = SecurityProfile;

function podView(spec: any, metadata: any = {}): PodTemplateView {
  return { metadata, spec, metadataPath: 'metadata', specPath: 'spec' };
}

function templateView(spec: any, metadata: any = {}): PodTemplateView {
  return { metadata, spec, metadataPath: 'spec.template.metadata', specPath: 'spec.template.spec' };
}

/** The minimal pod of test/testdata/baseline/v1.28/pass/base.yaml. */
function baselinePod(): any {
  return {
    containers: [{ name: 'container1', image: 'registry.k8s.io/pause' }],
    initContainers: [{ name: 'initcontainer1', image: 'registry.k8s.io/pause' }],
  };
}

/** test/testdata/restricted/v1.28/pass/base.yaml */
function restrictedPod(): any {
  const hardened = () => ({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  return {
    containers: [{ name: 'container1', image: 'registry.k8s.io/pause', securityContext: hardened() }],
    initContainers: [{ name: 'initcontainer1', image: 'registry.k8s.io/pause', securityContext: hardened() }],
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  };
}

/** PSA fixtures' tweak(): copy the minimal pod, then change it. */
function tweak(base: () => any, change: (spec: any) => void): any {
  const spec = base();
  change(spec);
  return spec;
}

function check(spec: any, level: SecurityProfile, metadata: any = {}): Violation[] {
  return checkPodSecurity(podView(spec, metadata), level);
}

function rulesOf(violations: Violation[]): string[] {
  return violations.map((v) => v.ruleId);
}

function pathsOf(violations: Violation[], rule?: PodSecurityRule): string[] {
  return violations.filter((v) => rule === undefined || v.ruleId === rule).map((v) => v.path);
}

describe('levels (policy/registry.go EvaluatePod)', () => {
  const everythingForbidden = tweak(restrictedPod, (spec) => {
    spec.hostNetwork = true;
    spec.containers[0].securityContext = { privileged: true, runAsUser: 0 };
  });

  test('PRIVILEGED checks nothing', () => {
    expect(check(everythingForbidden, PRIVILEGED)).toEqual([]);
  });

  test('the restricted minimal pod passes restricted and baseline (testdata/restricted/v1.28/pass/base.yaml)', () => {
    expect(check(restrictedPod(), RESTRICTED)).toEqual([]);
    expect(check(restrictedPod(), BASELINE)).toEqual([]);
  });

  test('the baseline minimal pod passes baseline but not restricted (testdata/baseline/v1.28/pass/base.yaml)', () => {
    expect(check(baselinePod(), BASELINE)).toEqual([]);
    expect(new Set(rulesOf(check(baselinePod(), RESTRICTED)))).toEqual(new Set([
      PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION,
      PodSecurityRule.RUN_AS_NON_ROOT,
      PodSecurityRule.SECCOMP_PROFILE_RESTRICTED,
      PodSecurityRule.CAPABILITIES_RESTRICTED,
    ]));
  });

  test('RESTRICTED runs the baseline checks too', () => {
    expect(rulesOf(check(everythingForbidden, RESTRICTED))).toEqual(expect.arrayContaining([
      PodSecurityRule.HOST_NAMESPACES, PodSecurityRule.PRIVILEGED, PodSecurityRule.RUN_AS_USER,
    ]));
  });

  test('BASELINE does not run restricted checks', () => {
    const violations = check(tweak(baselinePod, (spec) => {
      spec.containers[0].securityContext = { runAsUser: 0, allowPrivilegeEscalation: true };
    }), BASELINE);
    expect(violations).toEqual([]);
  });

  test('every violation has a pss- rule id, and every PSS rule is a suppressible ERROR', () => {
    const violations = check(everythingForbidden, RESTRICTED);
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      expect(v.ruleId).toMatch(/^pss-(baseline|restricted)-[a-z-]+$/);
    }
    expect(POD_SECURITY_RULES.map((rule) => rule.id).sort()).toEqual(Object.values(PodSecurityRule).sort());
    for (const rule of POD_SECURITY_RULES) {
      expect([rule.id, rule.severity, rule.suppressible]).toEqual([rule.id, Severity.ERROR, true]);
    }
  });

  // k8s: policy/check_*_restricted.go OverrideCheckIDs: the restricted check replaces its baseline twin
  test('RESTRICTED reports an added capability, a hostPath volume and Unconfined seccomp once, under the restricted rule', () => {
    const violations = check(tweak(restrictedPod, (spec) => {
      spec.containers[0].securityContext.capabilities.add = ['SYS_ADMIN'];
      spec.containers[0].securityContext.seccompProfile = { type: 'Unconfined' };
      spec.volumes = [{ name: 'host', hostPath: { path: '/var/log' } }];
    }), RESTRICTED);
    expect(rulesOf(violations).sort()).toEqual([
      PodSecurityRule.CAPABILITIES_RESTRICTED,
      PodSecurityRule.SECCOMP_PROFILE_RESTRICTED,
      PodSecurityRule.RESTRICTED_VOLUMES,
    ].sort());
  });

  test('rejects an unknown level', () => {
    expect(() => checkPodSecurity(podView(baselinePod()), 'strict' as SecurityProfile)).toThrow(/unknown Pod Security Standards level "strict"/);
  });
});

describe('messages and paths', () => {
  test('point into a workload template and name the container, value, level and fix', () => {
    const spec = tweak(restrictedPod, (s) => {
      s.initContainers.push({ name: 'wait-for-db', image: 'busybox:1.28', securityContext: { capabilities: { drop: ['ALL'] } } });
    });
    const [v] = checkPodSecurity(templateView(spec), RESTRICTED);
    expect(v).toEqual({
      ruleId: 'pss-restricted-allow-privilege-escalation',
      path: 'spec.template.spec.initContainers[1].securityContext.allowPrivilegeEscalation',
      message: 'init container "wait-for-db" does not set securityContext.allowPrivilegeEscalation; '
        + 'Pod Security Standards "restricted" requires it to be false: set securityContext.allowPrivilegeEscalation: false',
    });
  });

  test('annotation paths are under the metadata path', () => {
    const violations = checkPodSecurity(templateView(baselinePod(), {
      annotations: { 'container.apparmor.security.beta.kubernetes.io/container1': 'unconfined' },
    }), BASELINE);
    expect(pathsOf(violations)).toEqual(['spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/container1]']);
    expect(violations[0].message).toContain('container "container1" has AppArmor profile "unconfined"');
    expect(violations[0].message).toContain('Pod Security Standards "baseline"');
  });
});

// k8s: policy/visitor.go visitContainers: initContainers, containers, ephemeralContainers
describe('every kind of container is checked', () => {
  test('ephemeral containers', () => {
    const spec = tweak(restrictedPod, (s) => {
      s.ephemeralContainers = [{ name: 'debugger', image: 'busybox:1.36', securityContext: { privileged: true } }];
    });
    const violations = check(spec, RESTRICTED);
    expect(pathsOf(violations, PodSecurityRule.PRIVILEGED)).toEqual(['spec.ephemeralContainers[0].securityContext.privileged']);
    expect(pathsOf(violations, PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION)).toEqual(['spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation']);
    expect(violations.find((v) => v.ruleId === PodSecurityRule.PRIVILEGED)?.message).toContain('ephemeral container "debugger"');
  });

  test('native sidecars (init containers with restartPolicy Always)', () => {
    const spec = tweak(restrictedPod, (s) => {
      s.initContainers.push({ name: 'log-shipper', image: 'fluent-bit:2.2', restartPolicy: 'Always', securityContext: { runAsNonRoot: false } });
    });
    const violations = check(spec, RESTRICTED);
    expect(pathsOf(violations, PodSecurityRule.RUN_AS_NON_ROOT)).toEqual(['spec.initContainers[1].securityContext.runAsNonRoot']);
    expect(pathsOf(violations, PodSecurityRule.CAPABILITIES_RESTRICTED)).toEqual(['spec.initContainers[1].securityContext.capabilities.drop']);
    // The engine's container model (pod-templates.ts describeContainer) names a native sidecar a sidecar.
    expect(violations.find((v) => v.ruleId === PodSecurityRule.RUN_AS_NON_ROOT)?.message).toMatch(/^sidecar "log-shipper" sets securityContext.runAsNonRoot: false;/);
  });

  test('an unnamed container is named by its index, as in every other rule', () => {
    const spec = tweak(baselinePod, (s) => {
      s.containers.push({ image: 'busybox:1.36', securityContext: { privileged: true } });
    });
    expect(check(spec, BASELINE).map((v) => v.message)).toEqual([
      'container "#1" sets securityContext.privileged: true, which Pod Security Standards "baseline" forbids: remove securityContext.privileged or set it to false',
    ]);
  });
});

describe('baseline checks', () => {
  // k8s: policy/check_windowsHostProcess.go, test/fixtures_windowsHostProcess.go
  describe(PodSecurityRule.WINDOWS_HOST_PROCESS, () => {
    test('allows hostProcess false', () => {
      expect(check(tweak(baselinePod, (s) => {
        s.securityContext = { windowsOptions: { hostProcess: false } };
        s.containers[0].securityContext = { windowsOptions: { hostProcess: false } };
      }), BASELINE)).toEqual([]);
    });

    test('rejects hostProcess true on the pod', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.securityContext = { windowsOptions: { hostProcess: true } };
      }), BASELINE);
      expect(pathsOf(violations, PodSecurityRule.WINDOWS_HOST_PROCESS)).toEqual(['spec.securityContext.windowsOptions.hostProcess']);
    });

    test('rejects hostProcess true on containers and init containers', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.containers[0].securityContext = { windowsOptions: { hostProcess: true } };
        s.initContainers[0].securityContext = { windowsOptions: { hostProcess: true } };
      }), BASELINE);
      expect(pathsOf(violations, PodSecurityRule.WINDOWS_HOST_PROCESS)).toEqual([
        'spec.initContainers[0].securityContext.windowsOptions.hostProcess',
        'spec.containers[0].securityContext.windowsOptions.hostProcess',
      ]);
    });
  });

  // k8s: policy/check_hostNamespaces.go, test/fixtures_hostNamespaces.go
  describe(PodSecurityRule.HOST_NAMESPACES, () => {
    test('allows false', () => {
      expect(check(tweak(baselinePod, (s) => Object.assign(s, { hostNetwork: false, hostPID: false, hostIPC: false })), BASELINE)).toEqual([]);
    });

    test.each(['hostNetwork', 'hostPID', 'hostIPC'])('rejects %s: true', (field) => {
      const violations = check(tweak(baselinePod, (s) => { s[field] = true; }), BASELINE);
      expect(pathsOf(violations, PodSecurityRule.HOST_NAMESPACES)).toEqual([`spec.${field}`]);
      expect(violations[0].message).toContain(`sets ${field}: true`);
    });
  });

  // k8s: policy/check_privileged.go, test/fixtures_privileged.go
  describe(PodSecurityRule.PRIVILEGED, () => {
    test('allows privileged false', () => {
      expect(check(tweak(baselinePod, (s) => { s.containers[0].securityContext = { privileged: false }; }), BASELINE)).toEqual([]);
    });

    test('rejects privileged true on an init container', () => {
      const violations = check(tweak(baselinePod, (s) => { s.initContainers[0].securityContext = { privileged: true }; }), BASELINE);
      expect(pathsOf(violations)).toEqual(['spec.initContainers[0].securityContext.privileged']);
      expect(violations[0].message).toContain('init container "initcontainer1" sets securityContext.privileged: true');
    });
  });

  // k8s: policy/check_capabilities_baseline.go, test/fixtures_capabilities_baseline.go
  describe(PodSecurityRule.CAPABILITIES_BASELINE, () => {
    const defaultSet = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];

    test('allows adding every capability of the default set', () => {
      expect(check(tweak(baselinePod, (s) => {
        s.containers[0].securityContext = { capabilities: { add: defaultSet } };
        s.initContainers[0].securityContext = { capabilities: { add: defaultSet } };
      }), BASELINE)).toEqual([]);
    });

    test.each([
      ['NET_RAW', ''],
      ['chown', 'did you mean "CHOWN"?'], // case-difference
      ['CAP_CHOWN', 'did you mean "CHOWN"?'], // CAP_ prefix
    ])('rejects adding %s', (capability, hint) => {
      const violations = check(tweak(baselinePod, (s) => {
        s.containers[0].securityContext = { capabilities: { add: ['KILL', capability] } };
      }), BASELINE);
      expect(pathsOf(violations)).toEqual(['spec.containers[0].securityContext.capabilities.add[1]']);
      expect(violations[0].message).toContain(`adds capability "${capability}"`);
      expect(violations[0].message).toContain(hint);
    });

    // k8s: policy/check_capabilities_baseline_test.go "multiple containers"
    test('reports each forbidden capability of each container', () => {
      const violations = check({
        containers: [
          { name: 'a', securityContext: { capabilities: { add: ['FOO', 'BAR'] } } },
          { name: 'b', securityContext: { capabilities: { add: ['BAR', 'BAZ'] } } },
        ],
      }, BASELINE);
      expect(pathsOf(violations)).toEqual([
        'spec.containers[0].securityContext.capabilities.add[0]',
        'spec.containers[0].securityContext.capabilities.add[1]',
        'spec.containers[1].securityContext.capabilities.add[0]',
        'spec.containers[1].securityContext.capabilities.add[1]',
      ]);
    });
  });

  // k8s: policy/check_hostPathVolumes.go, test/fixtures_hostPathVolumes.go
  describe(PodSecurityRule.HOST_PATH_VOLUMES, () => {
    test('allows non-host volumes', () => {
      expect(check(tweak(baselinePod, (s) => { s.volumes = [{ name: 'scratch', emptyDir: {} }]; }), BASELINE)).toEqual([]);
    });

    test('rejects a hostPath volume', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.volumes = [{ name: 'scratch', emptyDir: {} }, { name: 'volume1', hostPath: { path: '/a' } }];
      }), BASELINE);
      expect(pathsOf(violations)).toEqual(['spec.volumes[1].hostPath']);
      expect(violations[0].message).toContain('volume "volume1" is a hostPath volume (path "/a")');
    });
  });

  // k8s: policy/check_hostPorts.go, test/fixtures_hostPorts.go
  describe(PodSecurityRule.HOST_PORTS, () => {
    test('allows container ports without host ports', () => {
      expect(check(tweak(baselinePod, (s) => {
        s.containers[0].ports = [{ containerPort: 12345 }];
        s.initContainers[0].ports = [{ containerPort: 12346, hostPort: 0 }];
      }), BASELINE)).toEqual([]);
    });

    test('rejects host ports on containers and init containers, mixed with regular ports', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.containers[0].ports = [{ containerPort: 12345, hostPort: 12345 }, { containerPort: 12347 }];
        s.initContainers[0].ports = [{ containerPort: 12346, hostPort: 12346 }, { containerPort: 12348 }];
      }), BASELINE);
      expect(pathsOf(violations)).toEqual(['spec.initContainers[0].ports[0].hostPort', 'spec.containers[0].ports[0].hostPort']);
    });

    // k8s: pkg/apis/core/v1/defaults.go defaultHostNetworkPorts runs before admission
    test('with hostNetwork, container ports become host ports', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.hostNetwork = true;
        s.containers[0].ports = [{ containerPort: 8080 }];
      }), BASELINE);
      expect(pathsOf(violations, PodSecurityRule.HOST_PORTS)).toEqual(['spec.containers[0].ports[0].hostPort']);
      expect(violations.find((v) => v.ruleId === PodSecurityRule.HOST_PORTS)?.message).toContain('because the Pod sets hostNetwork: true');
    });
  });

  // k8s: policy/check_appArmorProfile.go, test/fixtures_appArmorProfile.go
  describe(PodSecurityRule.APPARMOR_PROFILE, () => {
    const key = (name: string) => `container.apparmor.security.beta.kubernetes.io/${name}`;

    test('allows runtime/default, localhost/* and empty', () => {
      expect(check(baselinePod(), BASELINE, {
        annotations: { [key('container1')]: 'runtime/default', [key('initcontainer1')]: 'localhost/foo', [key('other')]: '' },
      })).toEqual([]);
    });

    test.each(['container1', 'initcontainer1'])('rejects unconfined for %s', (name) => {
      const violations = check(baselinePod(), BASELINE, { annotations: { [key(name)]: 'unconfined' } });
      expect(pathsOf(violations)).toEqual([`metadata.annotations[${key(name)}]`]);
    });

    test('ignores annotations with other prefixes', () => {
      expect(check(baselinePod(), BASELINE, { annotations: { 'example.com/apparmor': 'unconfined' } })).toEqual([]);
    });
  });

  // k8s: policy/check_seLinuxOptions.go, test/fixtures_seLinuxOptions.go, policy/check_seLinuxOptions_test.go
  describe(PodSecurityRule.SELINUX_OPTIONS, () => {
    test('allows the container types, any level, and empty options', () => {
      expect(check(tweak(baselinePod, (s) => {
        s.securityContext = { seLinuxOptions: { type: 'container_t', level: '' } };
        s.containers[0].securityContext = { seLinuxOptions: { type: 'container_init_t', level: 'somevalue' } };
        s.initContainers[0].securityContext = { seLinuxOptions: { type: 'container_kvm_t' } };
      }), BASELINE)).toEqual([]);
      expect(check(tweak(baselinePod, (s) => { s.initContainers[0].securityContext = { seLinuxOptions: {} }; }), BASELINE)).toEqual([]);
    });

    test('rejects an unknown type on the pod, a container and an init container', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.securityContext = { seLinuxOptions: { type: 'somevalue' } };
        s.containers[0].securityContext = { seLinuxOptions: { type: 'somevalue' } };
        s.initContainers[0].securityContext = { seLinuxOptions: { type: 'somevalue' } };
      }), BASELINE);
      expect(pathsOf(violations)).toEqual([
        'spec.securityContext.seLinuxOptions.type',
        'spec.initContainers[0].securityContext.seLinuxOptions.type',
        'spec.containers[0].securityContext.seLinuxOptions.type',
      ]);
    });

    // container_engine_t joined the allowed set in 1.31 (seLinuxOptions1_31); 1.28 still rejects it
    test('rejects container_engine_t, which 1.28 does not allow', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.containers[0].securityContext = { seLinuxOptions: { type: 'container_engine_t' } };
      }), BASELINE);
      expect(pathsOf(violations)).toEqual(['spec.containers[0].securityContext.seLinuxOptions.type']);
    });

    test('rejects user and role', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.securityContext = { seLinuxOptions: { user: 'somevalue', role: 'somevalue' } };
      }), BASELINE);
      expect(pathsOf(violations)).toEqual(['spec.securityContext.seLinuxOptions.user', 'spec.securityContext.seLinuxOptions.role']);
    });
  });

  // k8s: policy/check_procMount.go, test/fixtures_procMount.go, testdata/baseline/v1.28/fail/procmount_baseline0.yaml
  describe(PodSecurityRule.PROC_MOUNT, () => {
    test('allows Default', () => {
      expect(check(tweak(baselinePod, (s) => {
        s.containers[0].securityContext = { procMount: 'Default' };
        s.initContainers[0].securityContext = { procMount: 'Default' };
      }), BASELINE)).toEqual([]);
    });

    test('rejects Unmasked, even with hostUsers false (that relaxation is not in 1.28)', () => {
      const violations = check(tweak(baselinePod, (s) => {
        s.hostUsers = false;
        s.containers[0].securityContext = { procMount: 'Unmasked' };
      }), BASELINE);
      expect(pathsOf(violations)).toEqual(['spec.containers[0].securityContext.procMount']);
      expect(violations[0].message).toContain('"Unmasked"');
    });
  });

  // k8s: policy/check_seccompProfile_baseline.go seccompProfileBaseline_1_19, test/fixtures_seccompProfile_baseline.go
  describe(PodSecurityRule.SECCOMP_PROFILE_BASELINE, () => {
    test('allows unset, RuntimeDefault and Localhost', () => {
      expect(check(tweak(baselinePod, (s) => {
        s.securityContext = { seccompProfile: { type: 'RuntimeDefault' } };
        s.containers[0].securityContext = { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } };
      }), BASELINE)).toEqual([]);
    });

    test('rejects Unconfined on the pod, a container and an init container', () => {
      const unconfined = { type: 'Unconfined' };
      expect(pathsOf(check(tweak(baselinePod, (s) => { s.securityContext = { seccompProfile: unconfined }; }), BASELINE)))
        .toEqual(['spec.securityContext.seccompProfile.type']);
      expect(pathsOf(check(tweak(baselinePod, (s) => { s.containers[0].securityContext = { seccompProfile: unconfined }; }), BASELINE)))
        .toEqual(['spec.containers[0].securityContext.seccompProfile.type']);
      expect(pathsOf(check(tweak(baselinePod, (s) => { s.initContainers[0].securityContext = { seccompProfile: unconfined }; }), BASELINE)))
        .toEqual(['spec.initContainers[0].securityContext.seccompProfile.type']);
    });

    test('ignores the legacy seccomp annotations (only the pre-1.19 revision read them)', () => {
      expect(check(baselinePod(), BASELINE, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } })).toEqual([]);
    });
  });

  // k8s: policy/check_sysctls.go sysctlsV1Dot27, test/fixtures_sysctls.go fixtureData_1_27, testdata/restricted/v1.28/pass/sysctls1.yaml
  describe(PodSecurityRule.SYSCTLS, () => {
    test('allows the 1.27 safe set, including net.ipv4.ip_local_reserved_ports', () => {
      expect(check(tweak(restrictedPod, (s) => {
        s.securityContext.sysctls = [
          { name: 'kernel.shm_rmid_forced', value: '0' },
          { name: 'net.ipv4.ip_local_port_range', value: '1024 65535' },
          { name: 'net.ipv4.tcp_syncookies', value: '0' },
          { name: 'net.ipv4.ping_group_range', value: '1 0' },
          { name: 'net.ipv4.ip_unprivileged_port_start', value: '1024' },
          { name: 'net.ipv4.ip_local_reserved_ports', value: '1024-4999' },
        ];
      }), RESTRICTED)).toEqual([]);
    });

    test('rejects a sysctl outside the safe set', () => {
      const violations = check(tweak(baselinePod, (s) => { s.securityContext = { sysctls: [{ name: 'othersysctl', value: 'other' }] }; }), BASELINE);
      expect(pathsOf(violations)).toEqual(['spec.securityContext.sysctls[0].name']);
      expect(violations[0].message).toContain('"othersysctl"');
    });

    // fixtureDataV1Dot29 adds them; v0.28 has no 1.29 revision
    test.each(['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'])(
      'rejects %s, which only 1.29 allows', (name) => {
        const violations = check(tweak(baselinePod, (s) => { s.securityContext = { sysctls: [{ name, value: '60' }] }; }), BASELINE);
        expect(rulesOf(violations)).toEqual([PodSecurityRule.SYSCTLS]);
      });
  });
});

describe('restricted checks', () => {
  // k8s: policy/check_restrictedVolumes.go, test/fixtures_restrictedVolumes.go
  describe(PodSecurityRule.RESTRICTED_VOLUMES, () => {
    test('allows every allowed volume type, and a volume with no source (defaulted to emptyDir)', () => {
      expect(check(tweak(restrictedPod, (s) => {
        s.volumes = [
          { name: 'volume0' },
          { name: 'volume1', emptyDir: {} },
          { name: 'volume2', secret: { secretName: 'test' } },
          { name: 'volume3', persistentVolumeClaim: { claimName: 'test' } },
          { name: 'volume4', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { name: 'volume5', configMap: { name: 'test' } },
          { name: 'volume6', projected: { sources: [] } },
          { name: 'volume7', csi: { driver: 'inline.storage.kubernetes.io', volumeAttributes: { foo: 'bar' } } },
          { name: 'volume8', ephemeral: { volumeClaimTemplate: { spec: {} } } },
        ];
      }), RESTRICTED)).toEqual([]);
    });

    test.each([
      ['gcePersistentDisk', { pdName: 'test' }],
      ['awsElasticBlockStore', { volumeID: 'test' }],
      ['gitRepo', { repository: 'github.com/kubernetes/kubernetes' }],
      ['nfs', { server: 'test', path: '/test' }],
      ['iscsi', { targetPortal: 'test', iqn: 'iqn.2001-04.com.example:storage.kube.sys1.xyz', lun: 0 }],
      ['glusterfs', { path: 'test', endpoints: 'test' }],
      ['rbd', { monitors: ['test'], image: 'test' }],
      ['flexVolume', { driver: 'test' }],
      ['cinder', { volumeID: 'test' }],
      ['cephfs', { monitors: ['test'] }],
      ['flocker', { datasetName: 'test' }],
      ['fc', { wwids: ['test'] }],
      ['azureFile', { secretName: 'test', shareName: 'test' }],
      ['vsphereVolume', { volumePath: 'test' }],
      ['quobyte', { registry: 'localhost:1234', volume: 'test' }],
      ['azureDisk', { diskName: 'test', diskURI: 'https://test.blob.core.windows.net/test/test.vhd' }],
      ['portworxVolume', { volumeID: 'test', fsType: 'ext4' }],
      ['scaleIO', { volumeName: 'test', gateway: 'localhost', system: 'test' }],
      ['storageos', { volumeName: 'test' }],
      ['hostPath', { path: '/dev/null' }],
    ])('rejects %s', (source, definition) => {
      const violations = check(tweak(restrictedPod, (s) => { s.volumes = [{ name: 'volume1', [source]: definition }]; }), RESTRICTED);
      expect(violations).toHaveLength(1);
      expect(violations[0].ruleId).toBe(PodSecurityRule.RESTRICTED_VOLUMES);
      expect(violations[0].path).toBe(`spec.volumes[0].${source}`);
      expect(violations[0].message).toContain(`volume "volume1" uses volume type ${source}`);
    });

    // restrictedVolumes_1_0 tests the allowed sources first; API validation rejects two sources in one volume anyway
    test('allows a volume as soon as one allowed source is set', () => {
      expect(check(tweak(restrictedPod, (s) => { s.volumes = [{ name: 'volume1', emptyDir: {}, nfs: { server: 'test', path: '/test' } }]; }), RESTRICTED))
        .toEqual([]);
    });

    test('a hostPath volume is a baseline violation under BASELINE', () => {
      const spec = tweak(restrictedPod, (s) => { s.volumes = [{ name: 'volume1', hostPath: { path: '/dev/null' } }]; });
      expect(rulesOf(check(spec, BASELINE))).toEqual([PodSecurityRule.HOST_PATH_VOLUMES]);
    });
  });

  // k8s: policy/check_allowPrivilegeEscalation.go, policy/check_allowPrivilegeEscalation_test.go TestAllowPrivilegeEscalation_1_25
  describe(PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION, () => {
    const multipleContainers = () => ({
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: {} },
        { name: 'c', securityContext: { allowPrivilegeEscalation: true } },
        { name: 'd', securityContext: { allowPrivilegeEscalation: false } },
      ],
    });

    test('requires an explicit false on every container ("multiple containers")', () => {
      const violations = check(multipleContainers(), RESTRICTED);
      expect(pathsOf(violations, PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION)).toEqual([
        'spec.containers[0].securityContext.allowPrivilegeEscalation',
        'spec.containers[1].securityContext.allowPrivilegeEscalation',
        'spec.containers[2].securityContext.allowPrivilegeEscalation',
      ]);
      expect(violations.find((v) => v.path === 'spec.containers[2].securityContext.allowPrivilegeEscalation')?.message)
        .toContain('container "c" sets securityContext.allowPrivilegeEscalation: true');
    });

    test('exempts Windows pods but not Linux pods', () => {
      const rules = (os: string) => rulesOf(check({ os: { name: os }, containers: [{ name: 'a' }] }, RESTRICTED));
      expect(rules('windows')).not.toContain(PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION);
      expect(rules('linux')).toContain(PodSecurityRule.ALLOW_PRIVILEGE_ESCALATION);
    });
  });

  // k8s: policy/check_runAsNonRoot.go, test/fixtures_runAsNonRoot.go, policy/check_runAsNonRoot_test.go
  describe(PodSecurityRule.RUN_AS_NON_ROOT, () => {
    const withRunAsNonRoot = (pod?: boolean, container?: boolean, init?: boolean) => tweak(restrictedPod, (s) => {
      s.securityContext.runAsNonRoot = pod;
      s.containers[0].securityContext.runAsNonRoot = container;
      s.initContainers[0].securityContext.runAsNonRoot = init;
    });
    const runAsNonRootPaths = (spec: any) => pathsOf(check(spec, RESTRICTED), PodSecurityRule.RUN_AS_NON_ROOT);

    test('passes when set at pod level only', () => {
      expect(runAsNonRootPaths(withRunAsNonRoot(true))).toEqual([]);
    });

    test('passes when the pod leaves it unset and every container sets true', () => {
      expect(runAsNonRootPaths(withRunAsNonRoot(undefined, true, true))).toEqual([]);
    });

    test('fails when unset everywhere, pointing at each container', () => {
      const violations = check(withRunAsNonRoot(), RESTRICTED).filter((v) => v.ruleId === PodSecurityRule.RUN_AS_NON_ROOT);
      expect(pathsOf(violations)).toEqual([
        'spec.initContainers[0].securityContext.runAsNonRoot',
        'spec.containers[0].securityContext.runAsNonRoot',
      ]);
      expect(violations[0].message).toContain('init container "initcontainer1" does not set securityContext.runAsNonRoot and the Pod does not either');
    });

    test('fails on an explicit false on the pod, even when every container sets true', () => {
      expect(runAsNonRootPaths(withRunAsNonRoot(false, true, true))).toEqual(['spec.securityContext.runAsNonRoot']);
      expect(runAsNonRootPaths(withRunAsNonRoot(false))).toEqual(['spec.securityContext.runAsNonRoot']);
    });

    test('fails when the pod sets true and a container or init container sets false', () => {
      expect(runAsNonRootPaths(withRunAsNonRoot(true, false))).toEqual(['spec.containers[0].securityContext.runAsNonRoot']);
      expect(runAsNonRootPaths(withRunAsNonRoot(true, undefined, false))).toEqual(['spec.initContainers[0].securityContext.runAsNonRoot']);
    });

    test('"pod nil, container fallthrough" names only the containers that set nothing', () => {
      const paths = runAsNonRootPaths({
        containers: [
          { name: 'a' },
          { name: 'b', securityContext: {} },
          { name: 'd', securityContext: { runAsNonRoot: true } },
          { name: 'e', securityContext: { runAsNonRoot: true } },
        ],
      });
      expect(paths).toEqual(['spec.containers[0].securityContext.runAsNonRoot', 'spec.containers[1].securityContext.runAsNonRoot']);
    });
  });

  // k8s: policy/check_runAsUser.go, test/fixtures_runAsUser.go
  describe(PodSecurityRule.RUN_AS_USER, () => {
    test('allows non-zero UIDs', () => {
      expect(check(tweak(restrictedPod, (s) => {
        s.securityContext.runAsUser = 1000;
        s.containers[0].securityContext.runAsUser = 1000;
        s.initContainers[0].securityContext.runAsUser = 1000;
      }), RESTRICTED)).toEqual([]);
    });

    test('rejects 0 on the pod, a container and an init container', () => {
      const violations = check(tweak(restrictedPod, (s) => {
        s.securityContext.runAsUser = 0;
        s.containers[0].securityContext.runAsUser = 0;
        s.initContainers[0].securityContext.runAsUser = 0;
      }), RESTRICTED);
      expect(pathsOf(violations)).toEqual([
        'spec.securityContext.runAsUser',
        'spec.initContainers[0].securityContext.runAsUser',
        'spec.containers[0].securityContext.runAsUser',
      ]);
      expect(violations[0].message).toContain('sets securityContext.runAsUser: 0 (root)');
    });
  });

  // k8s: policy/check_seccompProfile_restricted.go, policy/check_seccompProfile_restricted_test.go TestSeccompProfileRestricted_1_25
  describe(PodSecurityRule.SECCOMP_PROFILE_RESTRICTED, () => {
    const seccompPaths = (spec: any) => pathsOf(check(spec, RESTRICTED), PodSecurityRule.SECCOMP_PROFILE_RESTRICTED);
    const profile = (type: string) => ({ seccompProfile: { type } });

    test('passes with a pod-level RuntimeDefault, or Localhost on every container', () => {
      expect(seccompPaths(restrictedPod())).toEqual([]);
      expect(seccompPaths(tweak(restrictedPod, (s) => {
        delete s.securityContext.seccompProfile;
        Object.assign(s.containers[0].securityContext, profile('Localhost'));
        Object.assign(s.initContainers[0].securityContext, profile('RuntimeDefault'));
      }))).toEqual([]);
    });

    test('"no explicit seccomp" fails, except for a Windows pod', () => {
      expect(seccompPaths({ containers: [{ name: 'a' }] })).toEqual(['spec.containers[0].securityContext.seccompProfile.type']);
      expect(seccompPaths({ os: { name: 'linux' }, containers: [{ name: 'a' }] })).toEqual(['spec.containers[0].securityContext.seccompProfile.type']);
      expect(seccompPaths({ os: { name: 'windows' }, containers: [{ name: 'a' }] })).toEqual([]);
    });

    test('"pod seccomp invalid" reports the pod only', () => {
      expect(seccompPaths({ securityContext: profile('Unconfined'), containers: [{ name: 'a' }] })).toEqual(['spec.securityContext.seccompProfile.type']);
    });

    test('"containers seccomp invalid": a pod-level RuntimeDefault does not cover a container that sets Unconfined', () => {
      expect(seccompPaths({
        securityContext: profile('RuntimeDefault'),
        containers: [
          { name: 'a' },
          { name: 'b', securityContext: {} },
          { name: 'c', securityContext: profile('Unconfined') },
          { name: 'd', securityContext: profile('Unconfined') },
          { name: 'e', securityContext: profile('RuntimeDefault') },
          { name: 'f', securityContext: profile('RuntimeDefault') },
        ],
      })).toEqual(['spec.containers[2].securityContext.seccompProfile.type', 'spec.containers[3].securityContext.seccompProfile.type']);
    });

    test('"pod nil, container fallthrough"', () => {
      expect(seccompPaths({
        containers: [
          { name: 'a' },
          { name: 'b', securityContext: {} },
          { name: 'd', securityContext: profile('RuntimeDefault') },
          { name: 'e', securityContext: profile('RuntimeDefault') },
        ],
      })).toEqual(['spec.containers[0].securityContext.seccompProfile.type', 'spec.containers[1].securityContext.seccompProfile.type']);
    });
  });

  // k8s: policy/check_capabilities_restricted.go, test/fixtures_capabilities_restricted.go,
  // policy/check_capabilities_restricted_test.go TestCapabilitiesRestricted_1_25
  describe(PodSecurityRule.CAPABILITIES_RESTRICTED, () => {
    const capabilityPaths = (spec: any) => pathsOf(check(spec, RESTRICTED), PodSecurityRule.CAPABILITIES_RESTRICTED);

    test('allows drop ALL with NET_BIND_SERVICE added back', () => {
      expect(check(tweak(restrictedPod, (s) => {
        s.containers[0].securityContext.capabilities.add = ['NET_BIND_SERVICE'];
        s.initContainers[0].securityContext.capabilities.add = ['NET_BIND_SERVICE'];
      }), RESTRICTED)).toEqual([]);
    });

    test('rejects an empty drop list on a container or an init container', () => {
      expect(capabilityPaths(tweak(restrictedPod, (s) => { s.containers[0].securityContext.capabilities.drop = []; })))
        .toEqual(['spec.containers[0].securityContext.capabilities.drop']);
      expect(capabilityPaths(tweak(restrictedPod, (s) => { s.initContainers[0].securityContext.capabilities.drop = []; })))
        .toEqual(['spec.initContainers[0].securityContext.capabilities.drop']);
    });

    test('dropping every capability by name is not dropping "ALL"', () => {
      expect(capabilityPaths(tweak(restrictedPod, (s) => {
        s.containers[0].securityContext.capabilities.drop = ['SYS_TIME', 'SYS_MODULE', 'SYS_ADMIN', 'NET_RAW', 'CHOWN', 'KILL', 'SETUID', 'SETGID'];
      }))).toEqual(['spec.containers[0].securityContext.capabilities.drop']);
    });

    test('drop ["all"] in lower case fails: the comparison is case-sensitive', () => {
      const violations = check(tweak(restrictedPod, (s) => { s.containers[0].securityContext.capabilities.drop = ['all']; }), RESTRICTED);
      expect(pathsOf(violations)).toEqual(['spec.containers[0].securityContext.capabilities.drop']);
      expect(violations[0].message).toContain('drops ["all"] without "ALL" (the match is case-sensitive)');
    });

    test('rejects adding back any capability other than NET_BIND_SERVICE, even the baseline default set', () => {
      expect(capabilityPaths(tweak(restrictedPod, (s) => {
        s.containers[0].securityContext.capabilities.add = ['AUDIT_WRITE', 'NET_BIND_SERVICE', 'CHOWN'];
      }))).toEqual(['spec.containers[0].securityContext.capabilities.add[0]', 'spec.containers[0].securityContext.capabilities.add[2]']);
    });

    test('"multiple containers" reports missing drops and forbidden adds', () => {
      expect(capabilityPaths({
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          { name: 'a', securityContext: { capabilities: { add: ['FOO', 'BAR'] } } },
          { name: 'b', securityContext: { capabilities: { add: ['BAR', 'BAZ'] } } },
          { name: 'c', securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } } },
        ],
      })).toEqual([
        'spec.containers[0].securityContext.capabilities.drop',
        'spec.containers[0].securityContext.capabilities.add[0]',
        'spec.containers[0].securityContext.capabilities.add[1]',
        'spec.containers[1].securityContext.capabilities.drop',
        'spec.containers[1].securityContext.capabilities.add[0]',
        'spec.containers[1].securityContext.capabilities.add[1]',
        'spec.containers[2].securityContext.capabilities.add[1]',
      ]);
    });

    test('a container without a security context must drop ALL', () => {
      const violations = check({ containers: [{ name: 'a' }] }, RESTRICTED).filter((v) => v.ruleId === PodSecurityRule.CAPABILITIES_RESTRICTED);
      expect(pathsOf(violations)).toEqual(['spec.containers[0].securityContext.capabilities.drop']);
      expect(violations[0].message).toContain('set securityContext.capabilities.drop: ["ALL"]');
    });

    test('exempts Windows pods ("windows pod, admit without checking capabilities")', () => {
      expect(capabilityPaths({ os: { name: 'windows' }, containers: [{ name: 'a' }] })).toEqual([]);
      expect(capabilityPaths({ os: { name: 'linux' }, containers: [{ name: 'a' }] })).toEqual(['spec.containers[0].securityContext.capabilities.drop']);
    });
  });
});

// Every fixture of k8s.io/pod-security-admission v0.35.0 test/testdata/{baseline,restricted}/v1.28..v1.35
// (test/fixtures/pss-testdata.json.gz, written by test/support/pss-testdata-import.ts): the rules, run for
// that Kubernetes release, admit exactly the Pods PSA admits at that level and version. This covers the
// versioned checks: sysctls 1.29/1.32, seLinuxOptions 1.31 (container_engine_t), the appArmorProfile fields,
// hostProbesAndHostLifecycle 1.34, procMount/runAsNonRoot/runAsUser for hostUsers: false in 1.35.
describe('pod-security-admission testdata per Kubernetes release', () => {
  const data: { fixtures: Array<{ version: string; level: 'baseline' | 'restricted'; admitted: boolean; name: string; object: any }> } =
    JSON.parse(gunzipSync(readFileSync(join(__dirname, '..', 'fixtures', 'pss-testdata.json.gz'))).toString('utf8'));

  /**
   * Before 1.33 ProcMountType is off by default: the API server forces procMount to Default before
   * admission (pkg/api/pod/util.go dropDisabledProcMountField), so PSA never sees Unmasked there
   * (src/rules/validation/as-the-server-sees-it.ts). PSA's fixtures test the check alone.
   */
  function forcedDefaultProcMount(fixture: { version: string; name: string }): boolean {
    return fixture.name.startsWith('procmount') && !KubernetesVersion.of(fixture.version).isAtLeast(KubernetesVersion.V1_33);
  }

  test('1058 fixtures, every release and both levels', () => {
    expect(data.fixtures).toHaveLength(1058);
    expect(new Set(data.fixtures.map((f) => f.version)).size).toBe(8);
  });

  test.each(KubernetesVersion.all().map((v) => v.name))('%s', (version) => {
    const disagreements: string[] = [];
    for (const fixture of data.fixtures.filter((f) => f.version === version)) {
      const found = violationsOf(fixture.object, POD_SECURITY_RULES, {
        profile: fixture.level === 'baseline' ? BASELINE : RESTRICTED, kubernetesVersion: KubernetesVersion.of(version),
      });
      const admitted = fixture.admitted || forcedDefaultProcMount(fixture);
      if (admitted !== (found.length === 0)) {
        disagreements.push(`${fixture.level}/${fixture.admitted ? 'pass' : 'fail'}/${fixture.name}: ${found.map((f) => f.ruleId).join(', ')}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  test('the procMount exemption is the server forcing Default: from 1.33 the fail fixtures fail', () => {
    const procMount = data.fixtures.filter((f) => f.name.startsWith('procmount') && !f.admitted && f.version === '1.33');
    expect(procMount.length).toBeGreaterThan(0);
    for (const fixture of procMount) {
      const level = fixture.level === 'baseline' ? BASELINE : RESTRICTED;
      expect(violationsOf(fixture.object, POD_SECURITY_RULES, { profile: level, kubernetesVersion: KubernetesVersion.V1_33 })).not.toEqual([]);
    }
  });
});

// The versioned checks one by one (policy/check_*.go at v0.29.0-v0.35.0).
describe('Pod Security Standards per Kubernetes release', () => {
  const V = KubernetesVersion;
  const ids = (spec: any, level: SecurityProfile, version: KubernetesVersion, metadata: any = {}): string[] =>
    violationsOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec }, POD_SECURITY_RULES, { profile: level, kubernetesVersion: version }).map((v) => v.ruleId);
  const sysctl = (name: string): any => tweak(baselinePod, (spec) => { spec.securityContext = { sysctls: [{ name, value: '1' }] }; });

  test('sysctls: tcp_keepalive_* and tcp_fin_timeout from 1.29, tcp_rmem/tcp_wmem from 1.32', () => {
    expect(ids(sysctl('net.ipv4.tcp_keepalive_time'), BASELINE, V.V1_28)).toEqual([PodSecurityRule.SYSCTLS]);
    expect(ids(sysctl('net.ipv4.tcp_keepalive_time'), BASELINE, V.V1_29)).toEqual([]);
    expect(ids(sysctl('net.ipv4.tcp_rmem'), BASELINE, V.V1_31)).toEqual([PodSecurityRule.SYSCTLS]);
    expect(ids(sysctl('net.ipv4.tcp_rmem'), BASELINE, V.V1_32)).toEqual([]);
    expect(ids(sysctl('kernel.msgmax'), BASELINE, V.V1_35)).toEqual([PodSecurityRule.SYSCTLS]);
  });

  test('seLinuxOptions: container_engine_t from 1.31', () => {
    const engine = tweak(baselinePod, (spec) => { spec.securityContext = { seLinuxOptions: { type: 'container_engine_t' } }; });
    expect(ids(engine, BASELINE, V.V1_30)).toEqual([PodSecurityRule.SELINUX_OPTIONS]);
    expect(ids(engine, BASELINE, V.V1_31)).toEqual([]);
  });

  test('appArmorProfile fields (1.30+): Unconfined is forbidden on the Pod and on containers', () => {
    const unconfined = tweak(baselinePod, (spec) => { spec.containers[0].securityContext = { appArmorProfile: { type: 'Unconfined' } }; });
    expect(ids(unconfined, BASELINE, V.V1_30)).toEqual([PodSecurityRule.APPARMOR_PROFILE]);
    expect(ids(tweak(baselinePod, (spec) => { spec.securityContext = { appArmorProfile: { type: 'RuntimeDefault' } }; }), BASELINE, V.V1_35)).toEqual([]);
    // 1.29 has no such field (api-decoding reports it); the PodSecurity check of 1.29 reads annotations only.
    expect(ids(unconfined, BASELINE, V.V1_29)).toEqual([]);
  });

  test('probe and lifecycle host: forbidden at baseline from 1.34', () => {
    const probing = tweak(baselinePod, (spec) => { spec.containers[0].readinessProbe = { httpGet: { host: '10.0.0.1', port: 80 } }; });
    expect(ids(probing, BASELINE, V.V1_33)).toEqual([]);
    expect(ids(probing, BASELINE, V.V1_34)).toEqual([PodSecurityRule.HOST_PROBES_AND_LIFECYCLE]);
    const hooked = tweak(baselinePod, (spec) => { spec.containers[0].lifecycle = { preStop: { tcpSocket: { host: 'example.com', port: 80 } } }; });
    expect(ids(hooked, BASELINE, V.V1_35)).toEqual([PodSecurityRule.HOST_PROBES_AND_LIFECYCLE]);
  });

  test('hostUsers: false relaxes runAsNonRoot, runAsUser and (at baseline only) procMount from 1.35', () => {
    const rootInUserNs = tweak(restrictedPod, (spec) => {
      spec.hostUsers = false;
      spec.securityContext.runAsNonRoot = false;
      spec.containers[0].securityContext.runAsUser = 0;
    });
    expect(ids(rootInUserNs, RESTRICTED, V.V1_34)).toEqual([PodSecurityRule.RUN_AS_NON_ROOT, PodSecurityRule.RUN_AS_USER]);
    expect(ids(rootInUserNs, RESTRICTED, V.V1_35)).toEqual([]);
    const unmasked = tweak(baselinePod, (spec) => { spec.hostUsers = false; spec.containers[0].securityContext = { procMount: 'Unmasked' }; });
    expect(ids(unmasked, BASELINE, V.V1_34)).toEqual([PodSecurityRule.PROC_MOUNT]);
    expect(ids(unmasked, BASELINE, V.V1_35)).toEqual([]);
    expect(ids(unmasked, RESTRICTED, V.V1_35)).toContain(PodSecurityRule.PROC_MOUNT);
  });
});
