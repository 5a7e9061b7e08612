import * as path from 'path';

/** The manifests under test/fixtures/manifests. */
export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'manifests');

/** `FIXTURES/<name>`. */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}
