// Adopting the library on an app written with plain cdk8s-plus and raw objects:
// one line checks and hardens every Pod-bearing object at synth.
import { ApiObject, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PodPatterns } from '../src';

export class AdoptChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);

    // Written before the library was adopted, and left as it was.
    new kplus.Deployment(this, 'legacy-api', {
      containers: [{
        name: 'api',
        image: 'mccutchen/go-httpbin:v2.15.0',
        imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        portNumber: 8080,
        securityContext: { user: 65532, group: 65532 },
        resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(64) } },
      }],
    });
    const debug = new ApiObject(this, 'debug-pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug' },
      spec: {
        containers: [{
          name: 'shell',
          image: 'busybox:1.36.1',
          command: ['sleep', '3600'],
          securityContext: { runAsUser: 65534 },
          resources: { requests: { cpu: '10m', memory: '16Mi' } },
        }],
      },
    });

    // The one line: every Pod above is checked at synth, and completed where a
    // field the restricted profile needs is absent (capabilities, seccomp,
    // pull policy); nothing the code set is changed.
    PodPatterns.apply(this);
    // A deliberate exception, with its reason, visible in the manifest.
    PodPatterns.suppress(debug, 'bp-bare-pod', 'a throwaway debugging Pod, deleted after the incident');
  }
}
