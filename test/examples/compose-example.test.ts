import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { ShopChart, SERVICE_PROFILES } from '../../examples/compose/main';
import { ComposeImporter, ManifestLinter } from '../../src';
import { expectSchemaValid } from '../support/kubernetes-schema';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'compose');

test('examples/compose/main.ts is exactly what the importer makes of compose.yaml (regenerate it with the README command)', () => {
  const generated = ComposeImporter.fromFiles([path.join(EXAMPLE, 'compose.yaml')], { environment: {} }).toTypeScript();
  expect(fs.readFileSync(path.join(EXAMPLE, 'main.ts'), 'utf-8')).toBe(generated);
});

test('the example synthesizes, matches the schema, and lints clean (warnings included) at each service\'s profile', () => {
  const manifests = new ShopChart(Testing.app(), 'shop').toJson();
  expectSchemaValid(manifests);
  for (const [service, profile] of Object.entries(SERVICE_PROFILES)) {
    const own = manifests.filter(m => m.metadata.name.startsWith(`shop-${service}-`));
    expect(own.length).toBeGreaterThan(0);
    expect(ManifestLinter.lint(own, profile)).toEqual([]);
  }
});

test('start order: api waits for db and cache, then runs the migration; web waits for api', () => {
  const manifests = new ShopChart(Testing.app(), 'shop').toJson();
  const initNames = (service: string) => manifests.find(m => m.kind === 'Deployment' && m.metadata.name.startsWith(`shop-${service}-`))
    .spec.template.spec.initContainers?.map((c: any) => c.name);
  expect(initNames('api')).toEqual(['wait-for-db-5432', 'wait-for-cache-6379', 'migrate']);
  expect(initNames('web')).toEqual(['wait-for-api-8080']);
  expect(initNames('db')).toBeUndefined();
});
