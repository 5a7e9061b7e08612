import * as path from 'path';
import { ComposeError } from './compose-error';
import { readComposeFiles } from './compose-file';
import type { ComposeImportOptions } from './compose-importer';
import { planCompose } from './compose-mapping';
import { buildModel } from './compose-model';
import { writeTypeScript } from './typescript-writer';
import { KubernetesVersion } from '../k8s/kubernetes-version';
import { DockerRestart } from '../policy/docker-restart';

/** What converting a compose project gave: the app's source and everything not carried over. */
export interface ImportedCompose {
  readonly source: string;
  readonly warnings: string[];
}

/** Compose files → merged document → model → plan → TypeScript; `ComposeImporter` loads this lazily. */
export function importCompose(files: string[], options: ComposeImportOptions): ImportedCompose {
  const environment = options.environment ?? process.env;
  const source = readComposeFiles(files, environment, options.freeze ?? false);
  const parameters = source.parameters;
  const describe = (text: string) => (parameters === undefined ? text : parameters.describe(text));
  const defaultRestart = checkDefaultRestart(options.defaultRestart, files[0]);
  const model = buildModel(source.document, source.projectDir, files, source.serviceFiles, source.variables, defaultRestart);
  const preview = parameters === undefined ? undefined : (text: string) => parameters.preview(text);
  const kubernetesVersion = options.kubernetesVersion ?? KubernetesVersion.DEFAULT;
  const mappingOptions = { imageRegistry: options.imageRegistry, imageTag: options.imageTag ?? 'latest', profile: options.profile, kubernetesVersion, preview };
  const planned = planCompose(model, mappingOptions);
  const plan = {
    ...planned,
    warnings: planned.warnings.map(describe),
    buildCommands: planned.buildCommands.map(describe),
    bindNotes: planned.bindNotes.map(describe),
  };
  const unset = source.unsetVariables.map(name => `${files[0]}: \${${name}}: not set and no default: an empty string was substituted, as compose does`);
  const warnings = [...unset, ...plan.warnings];
  const shown = files.map(f => path.relative(source.projectDir, path.resolve(f)) || f);
  const chartName = chartNameOf(options.chartName ?? model.name ?? path.basename(source.projectDir));
  return {
    warnings,
    source: writeTypeScript({
      plan: { ...plan, warnings: warnings.map(w => relativeFileName(w, files, shown)) },
      files: shown,
      chartName,
      className: `${pascal(chartName)}Chart`,
      parameters,
      kubernetesVersion,
    }),
  };
}

/** `--default-restart`, checked as Docker checks `--restart`. */
function checkDefaultRestart(value: string | undefined, file: string): string {
  if (value === undefined) return 'no';
  try {
    DockerRestart.parse(value);
  } catch (e) {
    throw new ComposeError(file, undefined, 'defaultRestart', (e as Error).message);
  }
  return value;
}

/** The header names files relative to the project, so the output does not depend on the working directory. */
function relativeFileName(warning: string, files: string[], shown: string[]): string {
  const index = files.findIndex(f => warning.startsWith(`${f}: `));
  return index === -1 ? warning : `${shown[index]}${warning.slice(files[index].length)}`;
}

/** A DNS-1123 label for the chart id; `compose` when nothing usable is left. */
function chartNameOf(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return slug === '' ? 'compose' : slug;
}

function pascal(name: string): string {
  return name.split('-').map(part => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}
