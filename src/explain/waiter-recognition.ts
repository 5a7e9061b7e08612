import { WaiterEntry } from './explanation-model';
import { parseHttpUrl } from '../waiters/waiter-input';
import { parseWaiterScript, POD_NAMESPACE_ENV, WaiterCheck } from '../waiters/waiter-script';

/**
 * The library's waiter in `container`, read back from its generated script
 * (`sh -c <script>` in `command` or `args`); `undefined` for any other container.
 */
export function recognizeWaiter(container: any): WaiterEntry | undefined {
  const words = [...asStrings(container.command), ...asStrings(container.args)];
  for (const word of words) {
    const parsed = parseWaiterScript(word);
    if (parsed === undefined) continue;
    const v = parsed.variables;
    const timing = parsed.timing;
    switch (parsed.check) {
      case WaiterCheck.DNS: {
        const namespace = v.namespace ?? `$${POD_NAMESPACE_ENV}`;
        return { check: 'dns', target: v.service, dependency: `DNS name ${v.service}.${namespace}.svc.${v.cluster_domain}`, ...timing };
      }
      case WaiterCheck.TCP:
        return { check: 'tcp', target: v.host, dependency: `TCP ${v.host}:${v.port}`, ...timing };
      case WaiterCheck.HTTP:
        return { check: 'http', target: hostOf(v.url), dependency: `HTTP 2xx from ${v.url}`, ...timing };
    }
  }
  return undefined;
}

function hostOf(url: string): string {
  try {
    return parseHttpUrl(url).host;
  } catch {
    return url;
  }
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : [];
}
