/**
 * Init container objects as a synthesized manifest would carry them, for the
 * e2e scenarios (the constructs build the same shape).
 */
import { Testing } from 'cdk8s';
import { InitGatedApp, WaitFor } from '../../src';
import { podTemplatesOf } from '../../src/rules/pod-templates';
import { POD_NAMESPACE_ENV } from '../../src/waiters/waiter-script';

/** The guide pins busybox:1.28; the harness runs whatever busybox-static the machine has (Debian: 1.35). */
export const WAITER_IMAGE = 'busybox:1.36.1';

/** Hardened exactly like the waiters `WaitFor` builds (taken from a synthesized one): not root, read-only image. */
export const WAITER_SECURITY_CONTEXT = synthesizedWaiter().securityContext;

function synthesizedWaiter(): any {
  const chart = Testing.chart();
  new InitGatedApp(chart, 'app', {
    waitFor: [WaitFor.tcp('db', 5432)],
    containers: [{ name: 'app', image: WAITER_IMAGE, securityContext: { user: 1000 } }],
  });
  return podTemplatesOf(chart.toJson()[0])[0].spec.initContainers[0];
}

/** `{ name, image, command: ['sh', '-c', script], securityContext }`, plus the Downward API namespace when asked. */
export function waiterContainer(name: string, script: string, options: { namespaceFromDownwardApi?: boolean } = {}): any {
  return {
    name,
    image: WAITER_IMAGE,
    command: ['sh', '-c', script],
    securityContext: WAITER_SECURITY_CONTEXT,
    ...(options.namespaceFromDownwardApi
      ? { env: [{ name: POD_NAMESPACE_ENV, valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }] }
      : {}),
  };
}

/** An app-like init container that records that it ran. */
export function markerContainer(name: string): any {
  return { name, image: WAITER_IMAGE, command: ['sh', '-c', `echo ${name} ran`] };
}
