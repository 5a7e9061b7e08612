// Tests for the independent PSS oracle, from Pod Security Admission's own fixtures.
//
// Source: k8s.io/pod-security-admission v0.28.15 (commit 9fa4d000acb2e4d042b0f83d548c8d97b41c5163),
// test/fixtures.go (minimal valid pods) and test/fixtures_<check>.go (generators). Each
// generator turns the minimal valid pod of a level/version into pass and fail pods; the
// generators below are transcriptions of the Go ones, applied the same way (getFixtures: the
// newest generator registered at or below 1.28; a baseline generator also runs at restricted).
// PSA serialises the results under test/testdata/<level>/v1.<minor>/{pass,fail}/<check><i>.yaml;
// it renders nothing past v1.27 (its newest policy change), and 1.28 evaluates exactly like
// 1.27, so each case names the v1.27 file its pod must equal.
//
// PSA's harness (test/run.go) asserts: a pass pod is admitted; a fail pod is rejected with an
// error containing the generator's expectErrorSubstring (default: the check ID). Both are
// asserted here, plus the exact set of failing check IDs, worked out from policy/check_*.go.

import { evaluateManifest, evaluatePss, extractPodSpec, PssLevel, PssVerdict, pssCheckIds } from './pss-oracle';

interface Pod {
  metadata: { annotations?: Record<string, string> };
  spec: any;
}

type Tweak = (p: Pod) => void;

/** test/helpers.go tweak: a deep copy of `in`, passed to f. */
function tweak(pod: Pod, f: Tweak): Pod {
  const out: Pod = JSON.parse(JSON.stringify(pod));
  f(out);
  return out;
}

// test/helpers.go ensureSecurityContext
function ensureSecurityContext(pod: Pod): Pod {
  return tweak(pod, (p) => {
    p.spec.securityContext ??= {};
    for (const c of [...p.spec.containers, ...p.spec.initContainers]) {
      c.securityContext ??= {};
    }
  });
}

// test/helpers.go ensureSELinuxOptions
function ensureSELinuxOptions(pod: Pod): Pod {
  return tweak(ensureSecurityContext(pod), (p) => {
    p.spec.securityContext.seLinuxOptions ??= {};
    for (const c of [...p.spec.containers, ...p.spec.initContainers]) {
      c.securityContext.seLinuxOptions ??= {};
    }
  });
}

// test/helpers.go ensureAnnotation
function ensureAnnotation(pod: Pod): Pod {
  return tweak(pod, (p) => {
    p.metadata.annotations ??= {};
  });
}

// test/fixtures_capabilities_baseline.go ensureCapabilities
function ensureCapabilities(pod: Pod): Pod {
  return tweak(ensureSecurityContext(pod), (p) => {
    for (const c of [...p.spec.containers, ...p.spec.initContainers]) {
      c.securityContext.capabilities ??= {};
    }
  });
}

// ---------------------------------------------------------------------------
// test/fixtures.go: minimal valid pods at 1.28
// ---------------------------------------------------------------------------

const baseline_1_0: Pod = {
  metadata: {},
  spec: {
    initContainers: [{ name: 'initcontainer1', image: 'registry.k8s.io/pause' }],
    containers: [{ name: 'container1', image: 'registry.k8s.io/pause' }],
  },
};
// 1.0+: baseline + runAsNonRoot=true
const restricted_1_0 = tweak(baseline_1_0, (p) => {
  p.spec.securityContext = { runAsNonRoot: true };
});
// 1.8+: allowPrivilegeEscalation=false
const restricted_1_8 = tweak(restricted_1_0, (p) => {
  p.spec.containers[0].securityContext = { allowPrivilegeEscalation: false };
  p.spec.initContainers[0].securityContext = { allowPrivilegeEscalation: false };
});
// 1.19+: seccompProfile.type=RuntimeDefault
const restricted_1_19 = tweak(restricted_1_8, (p) => {
  delete p.metadata.annotations;
  p.spec.securityContext.seccompProfile = { type: 'RuntimeDefault' };
});
// 1.22+: capabilities.drop=["ALL"]
const restricted_1_22 = tweak(restricted_1_19, (p) => {
  p.spec.containers[0].securityContext.capabilities = { drop: ['ALL'] };
  p.spec.initContainers[0].securityContext.capabilities = { drop: ['ALL'] };
});
const addLinux = (pod: Pod) => tweak(pod, (p) => {
  p.spec.os = { name: 'linux' };
});
const addWindows = (pod: Pod) => tweak(pod, (p) => {
  p.spec.os = { name: 'windows' };
});

/** GetMinimalValidPod(level, 1.28): the OS-neutral pod the generators start from. */
const MINIMAL_VALID: Record<PssLevel, Pod> = { baseline: baseline_1_0, restricted: restricted_1_22 };

// ---------------------------------------------------------------------------
// test/fixtures_<check>.go generators, as registered for 1.28
// ---------------------------------------------------------------------------

interface Generator {
  /** The Go file the generator is transcribed from. */
  readonly file: string;
  readonly check: string;
  /** Baseline generators are also registered for restricted (registerFixtureGenerator). */
  readonly level: PssLevel;
  readonly expectErrorSubstring?: string;
  readonly generatePass: (p: Pod) => Pod[];
  readonly generateFail: (p: Pod) => Pod[];
}

const ALL_DEFAULT_CAPS = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
const ALL_INDIVIDUAL_CAPS = [
  'SYS_TIME', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_PACCT', 'SYS_ADMIN', 'SYS_NICE',
  'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD', 'AUDIT_WRITE',
  'AUDIT_CONTROL', 'MAC_OVERRIDE', 'MAC_ADMIN', 'NET_ADMIN', 'SYSLOG',
  'CHOWN', 'NET_RAW', 'DAC_OVERRIDE', 'FOWNER', 'DAC_READ_SEARCH',
  'FSETID', 'KILL', 'SETGID', 'SETUID', 'LINUX_IMMUTABLE', 'NET_BIND_SERVICE',
  'NET_BROADCAST', 'IPC_LOCK', 'IPC_OWNER', 'SYS_CHROOT', 'SYS_PTRACE',
  'SYS_BOOT', 'LEASE', 'SETFCAP', 'WAKE_ALARM', 'BLOCK_SUSPEND',
];
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const SECCOMP_RUNTIME_DEFAULT = { type: 'RuntimeDefault' };
const SECCOMP_UNCONFINED = { type: 'Unconfined' };
const seccompLocalhost = (profile: string) => ({ type: 'Localhost', localhostProfile: profile });
const vol = (source: Record<string, unknown>) => (p: Pod) => {
  p.spec.volumes = [{ name: 'volume1', ...source }];
};

const GENERATORS: Generator[] = [
  {
    file: 'fixtures_allowPrivilegeEscalation.go',
    check: 'allowPrivilegeEscalation',
    level: 'restricted',
    generatePass: () => [],
    generateFail: (p) => {
      if (p.spec.os?.name === 'windows') {
        return [];
      }
      return [
        // explicit true
        tweak(p, (q) => { q.spec.containers[0].securityContext.allowPrivilegeEscalation = true; }),
        // ensure initContainers are checked
        tweak(p, (q) => { q.spec.initContainers[0].securityContext.allowPrivilegeEscalation = true; }),
        // nil AllowPrivilegeEscalation
        tweak(p, (q) => { delete q.spec.containers[0].securityContext.allowPrivilegeEscalation; }),
        // nil security context
        tweak(p, (q) => { delete q.spec.containers[0].securityContext; }),
      ];
    },
  },
  {
    file: 'fixtures_appArmorProfile.go',
    check: 'appArmorProfile',
    level: 'baseline',
    expectErrorSubstring: 'forbidden AppArmor profile',
    generatePass: (pod) => {
      const p = ensureAnnotation(pod);
      return [
        tweak(p, (q) => {
          q.metadata.annotations![APPARMOR_PREFIX + q.spec.containers[0].name] = 'runtime/default';
          // (sic) the Go fixture reads Containers[0] here too, overwriting the annotation above
          q.metadata.annotations![APPARMOR_PREFIX + q.spec.containers[0].name] = 'localhost/foo';
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureAnnotation(pod);
      return [
        // container with unconfined annotation
        tweak(p, (q) => { q.metadata.annotations![APPARMOR_PREFIX + q.spec.containers[0].name] = 'unconfined'; }),
        // initContainer with unconfined annotation
        tweak(p, (q) => { q.metadata.annotations![APPARMOR_PREFIX + q.spec.initContainers[0].name] = 'unconfined'; }),
      ];
    },
  },
  {
    file: 'fixtures_capabilities_baseline.go',
    check: 'capabilities_baseline',
    level: 'baseline',
    expectErrorSubstring: 'capabilities',
    generatePass: (pod) => {
      // don't generate fixtures if minimal valid pod drops ALL
      if ((pod.spec.containers[0].securityContext?.capabilities?.drop ?? []).includes('ALL')) {
        return [];
      }
      const p = ensureCapabilities(pod);
      return [
        tweak(p, (q) => {
          q.spec.containers[0].securityContext.capabilities.add = [...ALL_DEFAULT_CAPS];
          q.spec.initContainers[0].securityContext.capabilities.add = [...ALL_DEFAULT_CAPS];
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureCapabilities(pod);
      return [
        // NET_RAW
        tweak(p, (q) => { q.spec.containers[0].securityContext.capabilities.add = ['NET_RAW']; }),
        // ensure init container is enforced
        tweak(p, (q) => { q.spec.initContainers[0].securityContext.capabilities.add = ['NET_RAW']; }),
        // case-difference
        tweak(p, (q) => { q.spec.containers[0].securityContext.capabilities.add = ['chown']; }),
        // CAP_ prefix
        tweak(p, (q) => { q.spec.containers[0].securityContext.capabilities.add = ['CAP_CHOWN']; }),
      ];
    },
  },
  {
    file: 'fixtures_capabilities_restricted.go',
    check: 'capabilities_restricted',
    level: 'restricted',
    expectErrorSubstring: 'unrestricted capabilities',
    generatePass: (pod) => {
      const p = ensureCapabilities(pod);
      return [
        tweak(p, (q) => {
          q.spec.containers[0].securityContext.capabilities.drop = ['ALL'];
          q.spec.initContainers[0].securityContext.capabilities.drop = ['ALL'];
          q.spec.containers[0].securityContext.capabilities.add = ['NET_BIND_SERVICE'];
          q.spec.initContainers[0].securityContext.capabilities.add = ['NET_BIND_SERVICE'];
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureCapabilities(pod);
      return [
        // test container
        tweak(p, (q) => { q.spec.containers[0].securityContext.capabilities.drop = []; }),
        // test initContainer
        tweak(p, (q) => { q.spec.initContainers[0].securityContext.capabilities.drop = []; }),
        // dropping all individual capabilities is not sufficient
        tweak(p, (q) => {
          q.spec.containers[0].securityContext.capabilities.drop = [...ALL_INDIVIDUAL_CAPS];
          q.spec.initContainers[0].securityContext.capabilities.drop = [...ALL_INDIVIDUAL_CAPS];
        }),
        // try adding back capabilities other than NET_BIND_SERVICE, should be forbidden
        tweak(p, (q) => {
          q.spec.containers[0].securityContext.capabilities.drop = ['ALL'];
          q.spec.initContainers[0].securityContext.capabilities.drop = ['ALL'];
          q.spec.containers[0].securityContext.capabilities.add = [...ALL_DEFAULT_CAPS];
          q.spec.initContainers[0].securityContext.capabilities.add = [...ALL_DEFAULT_CAPS];
        }),
      ];
    },
  },
  {
    file: 'fixtures_hostNamespaces.go',
    check: 'hostNamespaces',
    level: 'baseline',
    expectErrorSubstring: 'host namespaces',
    generatePass: () => [],
    generateFail: (p) => [
      tweak(p, (q) => { q.spec.hostIPC = true; }),
      tweak(p, (q) => { q.spec.hostNetwork = true; }),
      tweak(p, (q) => { q.spec.hostPID = true; }),
    ],
  },
  {
    file: 'fixtures_hostPathVolumes.go',
    check: 'hostPathVolumes',
    level: 'baseline',
    expectErrorSubstring: 'hostPath',
    generatePass: () => [],
    generateFail: (p) => [
      // mix of hostPath and non-hostPath volumes
      tweak(p, (q) => {
        q.spec.volumes = [
          { name: 'volume-emptydir', emptyDir: {} },
          { name: 'volume-hostpath', hostPath: { path: '/a' } },
        ];
      }),
      // just hostPath volumes
      tweak(p, (q) => {
        q.spec.volumes = [
          { name: 'volume-hostpath-a', hostPath: { path: '/a' } },
          { name: 'volume-hostpath-b', hostPath: { path: '/b' } },
        ];
      }),
    ],
  },
  {
    file: 'fixtures_hostPorts.go',
    check: 'hostPorts',
    level: 'baseline',
    expectErrorSubstring: 'hostPort',
    generatePass: (p) => [
      // no host ports
      tweak(p, (q) => {
        q.spec.containers[0].ports = [{ containerPort: 12345 }];
        q.spec.initContainers[0].ports = [{ containerPort: 12346 }];
      }),
    ],
    generateFail: (p) => [
      // Host Port present
      tweak(p, (q) => { q.spec.containers[0].ports = [{ containerPort: 12345, hostPort: 12345 }]; }),
      // check initContainer
      tweak(p, (q) => { q.spec.initContainers[0].ports = [{ containerPort: 12346, hostPort: 12346 }]; }),
      // mix of hostPorts and regular ports
      tweak(p, (q) => {
        q.spec.containers[0].ports = [{ containerPort: 12345, hostPort: 12345 }, { containerPort: 12347 }];
        q.spec.initContainers[0].ports = [{ containerPort: 12346, hostPort: 12346 }, { containerPort: 12348 }];
      }),
    ],
  },
  {
    file: 'fixtures_privileged.go',
    check: 'privileged',
    level: 'baseline',
    generatePass: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        // privileged explicitly set to false
        tweak(p, (q) => {
          q.spec.containers[0].securityContext.privileged = false;
          q.spec.initContainers[0].securityContext.privileged = false;
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        // privileged set to true in container
        tweak(p, (q) => {
          q.spec.containers[0].securityContext.privileged = true;
          delete q.spec.containers[0].securityContext.allowPrivilegeEscalation;
        }),
        // privileged set to true in init container
        tweak(p, (q) => {
          q.spec.initContainers[0].securityContext.privileged = true;
          delete q.spec.initContainers[0].securityContext.allowPrivilegeEscalation;
        }),
      ];
    },
  },
  {
    file: 'fixtures_procMount.go',
    check: 'procMount',
    level: 'baseline',
    expectErrorSubstring: 'procMount',
    generatePass: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        tweak(p, (q) => {
          q.spec.containers[0].securityContext.procMount = 'Default';
          q.spec.initContainers[0].securityContext.procMount = 'Default';
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        tweak(p, (q) => { q.spec.containers[0].securityContext.procMount = 'Unmasked'; }),
        tweak(p, (q) => { q.spec.initContainers[0].securityContext.procMount = 'Unmasked'; }),
      ];
    },
  },
  {
    file: 'fixtures_restrictedVolumes.go',
    check: 'restrictedVolumes',
    level: 'restricted',
    expectErrorSubstring: 'restricted volume types',
    generatePass: (p) => [
      // pod that has all allowed volume types
      tweak(p, (q) => {
        q.spec.volumes = [
          { name: 'volume0' }, // implicit empty dir
          { name: 'volume1', emptyDir: {} },
          { name: 'volume2', secret: { secretName: 'test' } },
          { name: 'volume3', persistentVolumeClaim: { claimName: 'test' } },
          { name: 'volume4', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { name: 'volume5', configMap: { name: 'test' } },
          { name: 'volume6', projected: { sources: [] } },
        ];
      }),
    ],
    generateFail: (p) => [
      tweak(p, vol({ gcePersistentDisk: { pdName: 'test' } })),
      tweak(p, vol({ awsElasticBlockStore: { volumeID: 'test' } })),
      tweak(p, vol({ gitRepo: { repository: 'github.com/kubernetes/kubernetes' } })),
      tweak(p, vol({ nfs: { server: 'test', path: '/test' } })),
      tweak(p, vol({ iscsi: { targetPortal: 'test', iqn: 'iqn.2001-04.com.example:storage.kube.sys1.xyz', lun: 0 } })),
      tweak(p, vol({ glusterfs: { path: 'test', endpoints: 'test' } })),
      tweak(p, vol({ rbd: { monitors: ['test'], image: 'test' } })),
      tweak(p, vol({ flexVolume: { driver: 'test' } })),
      tweak(p, vol({ cinder: { volumeID: 'test' } })),
      tweak(p, vol({ cephfs: { monitors: ['test'] } })),
      tweak(p, vol({ flocker: { datasetName: 'test' } })),
      tweak(p, vol({ fc: { wwids: ['test'] } })),
      tweak(p, vol({ azureFile: { secretName: 'test', shareName: 'test' } })),
      tweak(p, vol({ vsphereVolume: { volumePath: 'test' } })),
      tweak(p, vol({ quobyte: { registry: 'localhost:1234', volume: 'test' } })),
      tweak(p, vol({ azureDisk: { diskName: 'test', diskURI: 'https://test.blob.core.windows.net/test/test.vhd' } })),
      tweak(p, vol({ portworxVolume: { volumeID: 'test', fsType: 'ext4' } })),
      tweak(p, vol({ scaleIO: { volumeName: 'test', gateway: 'localhost', system: 'test', secretRef: null } })),
      tweak(p, vol({ storageos: { volumeName: 'test' } })),
      tweak(p, vol({ hostPath: { path: '/dev/null' } })),
    ],
  },
  {
    file: 'fixtures_runAsNonRoot.go',
    check: 'runAsNonRoot',
    level: 'restricted',
    generatePass: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        // set at pod level
        tweak(p, (q) => {
          q.spec.securityContext.runAsNonRoot = true;
          delete q.spec.containers[0].securityContext.runAsNonRoot;
          delete q.spec.initContainers[0].securityContext.runAsNonRoot;
        }),
        // set on all containers
        tweak(p, (q) => {
          delete q.spec.securityContext.runAsNonRoot;
          q.spec.containers[0].securityContext.runAsNonRoot = true;
          q.spec.initContainers[0].securityContext.runAsNonRoot = true;
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        // unset everywhere
        tweak(p, (q) => {
          delete q.spec.securityContext.runAsNonRoot;
          delete q.spec.containers[0].securityContext.runAsNonRoot;
          delete q.spec.initContainers[0].securityContext.runAsNonRoot;
        }),
        // explicit false on pod
        tweak(p, (q) => { q.spec.securityContext.runAsNonRoot = false; }),
        // explicit false on containers
        tweak(p, (q) => { q.spec.containers[0].securityContext.runAsNonRoot = false; }),
        tweak(p, (q) => { q.spec.initContainers[0].securityContext.runAsNonRoot = false; }),
      ];
    },
  },
  {
    file: 'fixtures_runAsUser.go',
    check: 'runAsUser',
    level: 'restricted',
    generatePass: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        tweak(p, (q) => {
          q.spec.securityContext.runAsUser = 1000;
          q.spec.containers[0].securityContext.runAsUser = 1000;
          q.spec.initContainers[0].securityContext.runAsUser = 1000;
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        // explicit 0 on pod
        tweak(p, (q) => { q.spec.securityContext.runAsUser = 0; }),
        // explicit 0 on containers
        tweak(p, (q) => { q.spec.containers[0].securityContext.runAsUser = 0; }),
        tweak(p, (q) => { q.spec.initContainers[0].securityContext.runAsUser = 0; }),
      ];
    },
  },
  {
    file: 'fixtures_seLinuxOptions.go',
    check: 'seLinuxOptions',
    level: 'baseline',
    expectErrorSubstring: 'seLinuxOptions',
    generatePass: (pod) => {
      const p = ensureSELinuxOptions(pod);
      return [
        // security context with no seLinuxOptions
        tweak(p, (q) => {
          delete q.spec.securityContext.seLinuxOptions;
          delete q.spec.containers[0].securityContext.seLinuxOptions;
          q.spec.initContainers[0].securityContext.seLinuxOptions = {};
        }),
        // seLinuxOptions with all valid types, with empty level and arbitrary level
        tweak(p, (q) => {
          q.spec.securityContext.seLinuxOptions.type = 'container_t';
          q.spec.containers[0].securityContext.seLinuxOptions.type = 'container_init_t';
          q.spec.initContainers[0].securityContext.seLinuxOptions.type = 'container_kvm_t';
          q.spec.securityContext.seLinuxOptions.level = '';
          q.spec.containers[0].securityContext.seLinuxOptions.level = 'somevalue';
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureSELinuxOptions(pod);
      return [
        // out of bounds type: pod-level, container, initContainer
        tweak(p, (q) => { q.spec.securityContext.seLinuxOptions.type = 'somevalue'; }),
        tweak(p, (q) => { q.spec.containers[0].securityContext.seLinuxOptions.type = 'somevalue'; }),
        tweak(p, (q) => { q.spec.initContainers[0].securityContext.seLinuxOptions.type = 'somevalue'; }),
        // out of bounds user
        tweak(p, (q) => { q.spec.securityContext.seLinuxOptions.user = 'somevalue'; }),
        // out of bounds role
        tweak(p, (q) => { q.spec.securityContext.seLinuxOptions.role = 'somevalue'; }),
      ];
    },
  },
  {
    // fixtureData_baseline_1_19 (the 1.0 generator covers the alpha annotations, ignored from 1.19)
    file: 'fixtures_seccompProfile_baseline.go',
    check: 'seccompProfile_baseline',
    level: 'baseline',
    expectErrorSubstring: 'seccompProfile',
    generatePass: (pod) => {
      // don't generate fixtures if minimal valid pod already has seccomp config
      if (pod.spec.securityContext?.seccompProfile?.type === 'RuntimeDefault') {
        return [];
      }
      const p = ensureSecurityContext(pod);
      return [
        tweak(p, (q) => {
          q.spec.securityContext.seccompProfile = SECCOMP_RUNTIME_DEFAULT;
          q.spec.containers[0].securityContext.seccompProfile = SECCOMP_RUNTIME_DEFAULT;
          // init-container unset
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        tweak(p, (q) => { q.spec.securityContext.seccompProfile = SECCOMP_UNCONFINED; }),
        tweak(p, (q) => { q.spec.containers[0].securityContext.seccompProfile = SECCOMP_UNCONFINED; }),
        tweak(p, (q) => { q.spec.initContainers[0].securityContext.seccompProfile = SECCOMP_UNCONFINED; }),
      ];
    },
  },
  {
    file: 'fixtures_seccompProfile_restricted.go',
    check: 'seccompProfile_restricted',
    level: 'restricted',
    expectErrorSubstring: 'seccompProfile',
    generatePass: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        tweak(p, (q) => { q.spec.securityContext.seccompProfile = SECCOMP_RUNTIME_DEFAULT; }),
        tweak(p, (q) => { q.spec.securityContext.seccompProfile = seccompLocalhost('testing'); }),
        tweak(p, (q) => {
          delete q.spec.securityContext.seccompProfile;
          q.spec.containers[0].securityContext.seccompProfile = SECCOMP_RUNTIME_DEFAULT;
          q.spec.initContainers[0].securityContext.seccompProfile = seccompLocalhost('testing');
        }),
      ];
    },
    generateFail: (pod) => {
      const p = ensureSecurityContext(pod);
      return [
        // unset everywhere
        tweak(p, (q) => { delete q.spec.securityContext.seccompProfile; }),
        // unconfined, pod-level
        tweak(p, (q) => { q.spec.securityContext.seccompProfile = SECCOMP_UNCONFINED; }),
        // unset initContainer
        tweak(p, (q) => {
          delete q.spec.securityContext.seccompProfile;
          q.spec.containers[0].securityContext.seccompProfile = SECCOMP_RUNTIME_DEFAULT;
        }),
        // unset container
        tweak(p, (q) => {
          delete q.spec.securityContext.seccompProfile;
          q.spec.initContainers[0].securityContext.seccompProfile = SECCOMP_RUNTIME_DEFAULT;
        }),
        // unconfined, container-level
        tweak(p, (q) => {
          delete q.spec.securityContext.seccompProfile;
          q.spec.containers[0].securityContext.seccompProfile = SECCOMP_RUNTIME_DEFAULT;
          q.spec.initContainers[0].securityContext.seccompProfile = SECCOMP_UNCONFINED;
        }),
      ];
    },
  },
  {
    // fixtureData_1_27
    file: 'fixtures_sysctls.go',
    check: 'sysctls',
    level: 'baseline',
    expectErrorSubstring: 'forbidden sysctl',
    generatePass: (pod) => {
      const p = tweak(pod, (q) => { q.spec.securityContext ??= {}; });
      return [
        // security context with no sysctls
        tweak(p, (q) => { delete q.spec.securityContext.sysctls; }),
        tweak(p, (q) => {
          q.spec.securityContext.sysctls = [
            { name: 'kernel.shm_rmid_forced', value: '0' },
            { name: 'net.ipv4.ip_local_port_range', value: '1024 65535' },
            { name: 'net.ipv4.tcp_syncookies', value: '0' },
            { name: 'net.ipv4.ping_group_range', value: '1 0' },
            { name: 'net.ipv4.ip_unprivileged_port_start', value: '1024' },
            { name: 'net.ipv4.ip_local_reserved_ports', value: '1024-4999' },
          ];
        }),
      ];
    },
    generateFail: (pod) => {
      const p = tweak(pod, (q) => { q.spec.securityContext ??= {}; });
      return [
        // sysctls with out of allowed name
        tweak(p, (q) => { q.spec.securityContext.sysctls = [{ name: 'othersysctl', value: 'other' }]; }),
      ];
    },
  },
  {
    file: 'fixtures_windowsHostProcess.go',
    check: 'windowsHostProcess',
    level: 'baseline',
    expectErrorSubstring: 'hostProcess',
    generatePass: () => [],
    generateFail: (pod) => {
      const p = tweak(ensureSecurityContext(pod), (q) => {
        q.spec.securityContext.windowsOptions ??= {};
        q.spec.containers[0].securityContext.windowsOptions ??= {};
        q.spec.initContainers[0].securityContext.windowsOptions ??= {};
      });
      return [
        // true for pod (HostNetwork is required to be true for HostProcess pods)
        tweak(p, (q) => {
          q.spec.hostNetwork = true;
          q.spec.securityContext.windowsOptions.hostProcess = true;
        }),
        // true for containers
        tweak(p, (q) => {
          q.spec.hostNetwork = true;
          q.spec.containers[0].securityContext.windowsOptions.hostProcess = true;
          q.spec.initContainers[0].securityContext.windowsOptions.hostProcess = true;
        }),
      ];
    },
  },
];

// ---------------------------------------------------------------------------
// Expected failing checks per fail fixture, worked out from policy/check_*.go.
// The fixtures only promise "rejected, with this substring"; these pin which checks.
// ---------------------------------------------------------------------------

/** Checks that fail for fail fixture i of a generator at a level, when not just the generator's own check. */
function expectedFailingChecks(level: PssLevel, check: string, i: number): string[] {
  const overriddenAtRestricted: Record<string, string> = {
    capabilities_baseline: 'capabilities_restricted',
    hostPathVolumes: 'restrictedVolumes',
    seccompProfile_baseline: 'seccompProfile_restricted',
  };
  if (check === 'windowsHostProcess') {
    return ['hostNamespaces', 'windowsHostProcess']; // the fixture sets hostNetwork=true too
  }
  if (level === 'restricted') {
    if (check === 'privileged') {
      return ['privileged', 'allowPrivilegeEscalation']; // the fixture unsets allowPrivilegeEscalation
    }
    if (check === 'allowPrivilegeEscalation' && i === 3) {
      return ['allowPrivilegeEscalation', 'capabilities_restricted']; // nil securityContext: no drop ALL either
    }
    if (overriddenAtRestricted[check]) {
      return [overriddenAtRestricted[check]];
    }
  }
  return [check];
}

/** The error text PSA would return: AggregateCheckResult.ForbiddenDetail() (reasons, each with its detail). */
function aggregateForbiddenDetail(verdict: PssVerdict): string {
  return verdict.forbidden.map((f) => (f.detail ? `${f.reason} (${f.detail})` : f.reason)).join(', ');
}

interface FixtureCase {
  readonly name: string;
  readonly level: PssLevel;
  readonly pod: Pod;
  readonly pass: boolean;
  readonly substring: string;
  readonly checks: string[];
}

/** test/testdata file name, as testFixtureFile names it (v1.27: PSA renders nothing newer). */
function testdata(level: PssLevel, kind: 'pass' | 'fail', name: string): string {
  return `testdata/${level}/v1.27/${kind}/${name}.yaml`;
}

function fixtureCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const level of ['baseline', 'restricted'] as PssLevel[]) {
    // fixtures_test.go / run.go: the minimal valid pods ("base", and for restricted 1.25+ "base_linux", "base_windows")
    const bases: Array<[string, Pod]> = [['base', MINIMAL_VALID[level]]];
    if (level === 'restricted') {
      bases.push(['base_linux', addLinux(restricted_1_22)], ['base_windows', addWindows(restricted_1_0)]);
    }
    for (const [name, pod] of bases) {
      cases.push({ name: `fixtures.go ${testdata(level, 'pass', name)}`, level, pod, pass: true, substring: '', checks: [] });
    }
    // checksForLevelAndVersion: the level's own checks, and at restricted every baseline check too
    for (const g of GENERATORS.filter((x) => level === 'restricted' || x.level === 'baseline')) {
      const substring = g.expectErrorSubstring ?? g.check;
      const id = g.check.toLowerCase();
      g.generatePass(MINIMAL_VALID[level]).forEach((pod, i) => {
        cases.push({ name: `${g.file} ${testdata(level, 'pass', id + i)}`, level, pod, pass: true, substring, checks: [] });
      });
      g.generateFail(MINIMAL_VALID[level]).forEach((pod, i) => {
        cases.push({
          name: `${g.file} ${testdata(level, 'fail', id + i)}`,
          level,
          pod,
          pass: false,
          substring,
          checks: expectedFailingChecks(level, g.check, i),
        });
      });
    }
  }
  return cases;
}

const CASES = fixtureCases();

describe('pss-oracle: PSA v0.28 fixtures at 1.28', () => {
  test('every fixture generator yields at least one fail case per level it runs at', () => {
    for (const g of GENERATORS) {
      const levels: PssLevel[] = g.level === 'baseline' ? ['baseline', 'restricted'] : ['restricted'];
      for (const level of levels) {
        expect(CASES.some((c) => !c.pass && c.level === level && c.name.startsWith(`${g.file} `))).toBe(true);
      }
    }
    // the number of files PSA renders under test/testdata/{baseline,restricted}/v1.27
    expect(CASES.filter((c) => c.level === 'baseline').length).toBe(40);
    expect(CASES.filter((c) => c.level === 'restricted').length).toBe(88);
  });

  test.each(CASES)('$level: $name', (c) => {
    const verdict = evaluatePss(c.pod.metadata, c.pod.spec, c.level);
    if (c.pass) {
      expect(verdict).toEqual({ allowed: true, forbidden: [] });
      return;
    }
    expect(verdict.allowed).toBe(false);
    const message = aggregateForbiddenDetail(verdict);
    expect(message).toContain(c.substring);
    expect(message).not.toContain('unknown forbidden reason');
    expect(verdict.forbidden.map((f) => f.check)).toEqual(c.checks);
  });
});

describe('pss-oracle: messages transcribed from policy/check_*.go', () => {
  const at = (level: PssLevel, f: Tweak, from?: Pod) => {
    const pod = tweak(from ?? MINIMAL_VALID[level], f);
    return evaluatePss(pod.metadata, pod.spec, level).forbidden;
  };

  test('check_runAsNonRoot.go: implicit and explicit forms', () => {
    expect(at('restricted', (p) => { delete p.spec.securityContext.runAsNonRoot; })).toEqual([{
      check: 'runAsNonRoot',
      reason: 'runAsNonRoot != true',
      detail: 'pod or containers "initcontainer1", "container1" must set securityContext.runAsNonRoot=true',
    }]);
    expect(at('restricted', (p) => {
      p.spec.securityContext.runAsNonRoot = false;
      p.spec.containers[0].securityContext.runAsNonRoot = false;
    })).toEqual([{
      check: 'runAsNonRoot',
      reason: 'runAsNonRoot != true',
      detail: 'pod and container "container1" must not set securityContext.runAsNonRoot=false',
    }]);
  });

  test('check_capabilities_restricted.go: both halves joined by "; "', () => {
    expect(at('restricted', (p) => {
      p.spec.containers[0].securityContext.capabilities = { add: ['SYS_ADMIN', 'NET_RAW', 'NET_BIND_SERVICE'] };
    })).toEqual([{
      check: 'capabilities_restricted',
      reason: 'unrestricted capabilities',
      detail: 'container "container1" must set securityContext.capabilities.drop=["ALL"]; ' +
        'container "container1" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add',
    }]);
  });

  test('check_hostPorts.go: ports sorted as strings', () => {
    expect(at('baseline', (p) => {
      p.spec.containers[0].ports = [{ containerPort: 80, hostPort: 9000 }, { containerPort: 81, hostPort: 10000 }];
      p.spec.initContainers[0].ports = [{ containerPort: 82, hostPort: 9000 }];
    })).toEqual([{
      check: 'hostPorts',
      reason: 'hostPort',
      detail: 'containers "initcontainer1", "container1" use hostPorts 10000, 9000',
    }]);
  });

  test('check_restrictedVolumes.go and check_seLinuxOptions.go details', () => {
    expect(at('restricted', (p) => {
      p.spec.volumes = [{ name: 'a', hostPath: { path: '/' } }, { name: 'b', nfs: { server: 's', path: '/' } }, { name: 'c', configMap: { name: 'x' } }];
    })).toEqual([{
      check: 'restrictedVolumes',
      reason: 'restricted volume types',
      detail: 'volumes "a", "b" use restricted volume types "hostPath", "nfs"',
    }]);
    expect(at('baseline', (p) => {
      p.spec.securityContext = { seLinuxOptions: { type: 'spc_t', user: 'u' } };
      p.spec.containers[0].securityContext = { seLinuxOptions: { role: 'r', type: 'container_t' } };
    })).toEqual([{
      check: 'seLinuxOptions',
      reason: 'seLinuxOptions',
      detail: 'pod and container "container1" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set; role may not be set',
    }]);
  });

  test.each([
    'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
    'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
  ])('check_restrictedVolumes.go: a %s volume is reported by its type', (type) => {
    expect(at('restricted', (p) => { p.spec.volumes = [{ name: 'v', [type]: {} }]; })).toEqual([{
      check: 'restrictedVolumes',
      reason: 'restricted volume types',
      detail: `volume "v" uses restricted volume type "${type}"`,
    }]);
  });

  test('check_appArmorProfile.go: plural reason, sorted, quoted values; non-container keys ignored', () => {
    expect(at('baseline', (p) => {
      p.metadata.annotations = {
        [APPARMOR_PREFIX + 'container1']: 'unconfined',
        [APPARMOR_PREFIX + 'initcontainer1']: 'custom',
        [APPARMOR_PREFIX + 'other']: 'localhost/x',
        'apparmor.security.beta.kubernetes.io/pod': 'unconfined',
      };
    })).toEqual([{
      check: 'appArmorProfile',
      reason: 'forbidden AppArmor profiles',
      detail: `${APPARMOR_PREFIX}container1="unconfined", ${APPARMOR_PREFIX}initcontainer1="custom"`,
    }]);
  });

  test('check_seccompProfile_baseline.go: the alpha annotations are not checked at 1.28', () => {
    expect(at('baseline', (p) => {
      p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' };
    })).toEqual([]);
  });

  test('check_sysctls.go: every forbidden sysctl in spec order, duplicates kept', () => {
    expect(at('baseline', (p) => {
      p.spec.securityContext = { sysctls: [{ name: 'vm.b' }, { name: 'kernel.shm_rmid_forced' }, { name: 'net.a' }, { name: 'vm.b' }] };
    })).toEqual([{ check: 'sysctls', reason: 'forbidden sysctls', detail: 'vm.b, net.a, vm.b' }]);
  });
});

describe('pss-oracle: visitor, registry and extractor', () => {
  test('registry.go: baseline IDs sorted, then restricted IDs; overridden baseline checks drop out', () => {
    expect(pssCheckIds('baseline')).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged',
      'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess',
    ]);
    expect(pssCheckIds('restricted')).toEqual([
      'appArmorProfile', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'sysctls',
      'windowsHostProcess', 'allowPrivilegeEscalation', 'capabilities_restricted', 'restrictedVolumes', 'runAsNonRoot',
      'runAsUser', 'seccompProfile_restricted',
    ]);
  });

  test('visitor.go: ephemeral containers count, after init containers and containers', () => {
    const pod = tweak(restricted_1_22, (p) => {
      p.spec.ephemeralContainers = [{ name: 'debugger', image: 'busybox', securityContext: { privileged: true } }];
    });
    expect(evaluatePss(pod.metadata, pod.spec, 'restricted').forbidden).toEqual([
      { check: 'privileged', reason: 'privileged', detail: 'container "debugger" must not set securityContext.privileged=true' },
      { check: 'allowPrivilegeEscalation', reason: 'allowPrivilegeEscalation != false', detail: 'container "debugger" must set securityContext.allowPrivilegeEscalation=false' },
      { check: 'capabilities_restricted', reason: 'unrestricted capabilities', detail: 'container "debugger" must set securityContext.capabilities.drop=["ALL"]' },
    ]);
    const unset = tweak(restricted_1_22, (p) => {
      delete p.spec.securityContext.runAsNonRoot;
      p.spec.ephemeralContainers = [{ name: 'debugger' }];
    });
    expect(evaluatePss(unset.metadata, unset.spec, 'restricted').forbidden.find((f) => f.check === 'runAsNonRoot')?.detail)
      .toBe('pod or containers "initcontainer1", "container1", "debugger" must set securityContext.runAsNonRoot=true');
  });

  test('1.25+ variants: a windows pod is exempt from allowPrivilegeEscalation, capabilities and seccomp, not runAsNonRoot', () => {
    const windows = addWindows(baseline_1_0);
    expect(evaluatePss(windows.metadata, windows.spec, 'restricted').forbidden.map((f) => f.check)).toEqual(['runAsNonRoot']);
    const linux = addLinux(restricted_1_0);
    expect(evaluatePss(linux.metadata, linux.spec, 'restricted').forbidden.map((f) => f.check))
      .toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
  });

  test('a volume with no source is defaulted to emptyDir before admission', () => {
    const pod = tweak(restricted_1_22, (p) => { p.spec.volumes = [{ name: 'scratch' }]; });
    expect(evaluatePss(pod.metadata, pod.spec, 'restricted').allowed).toBe(true);
  });

  test('admission.go DefaultPodSpecExtractor: every pod-spec-bearing kind', () => {
    const template = { metadata: { annotations: { [APPARMOR_PREFIX + 'container1']: 'unconfined' } }, spec: baseline_1_0.spec };
    const manifests = [
      { apiVersion: 'v1', kind: 'Pod', ...template },
      { apiVersion: 'v1', kind: 'PodTemplate', template },
      { apiVersion: 'v1', kind: 'ReplicationController', spec: { template } },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { template } },
      { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', spec: { template } },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { template } },
      { apiVersion: 'batch/v1', kind: 'Job', spec: { template } },
      { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: { template } } } },
    ];
    for (const m of manifests) {
      expect(evaluateManifest(m, 'baseline').forbidden.map((f) => f.check)).toEqual(['appArmorProfile']);
      expect(evaluateManifest(m, 'restricted').allowed).toBe(false);
    }
    expect(extractPodSpec({ apiVersion: 'v1', kind: 'ReplicationController', spec: {} })).toBeUndefined();
    expect(() => evaluateManifest({ apiVersion: 'v1', kind: 'ConfigMap' }, 'baseline')).toThrow(/no pod spec/);
  });
});
