import { looksSecret, SECRET_WORDS } from '../../src/compose/secret-names';

test.each([
  'POSTGRES_PASSWORD', 'DB_PASSWD', 'GOTRUE_SMTP_PASS', 'SECRET_KEY_BASE', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'githubToken',
  'SUPABASE_ANON_KEY', 'OPENAI_API_KEY', 'apiKey', 'GOOGLE_APPLICATION_CREDENTIALS', 'JWT_SECRET', 'SENTRY_DSN', 'PASSWORD_SALT', 'db.password',
])('%s holds a secret', name => {
  expect(looksSecret(name, 's3cr3t-value')).toBe(true);
});

test.each([
  'POSTGRES_PASSWORD_FILE', 'TLS_KEY_PATH', 'PASSWORD_MIN_LENGTH', 'TOKEN_TTL', 'GOTRUE_JWT_EXP', 'KEYCLOAK_URL', 'POSTGRES_HOST_AUTH_METHOD',
  'NODE_ENV', 'PASSPORT_STRATEGY', 'MONKEY_MODE', 'OAUTH_CLIENT_ID', 'SECRET_NAME',
])('%s does not', name => {
  expect(looksSecret(name, 's3cr3t-value')).toBe(false);
});

test('an empty value or a yes/no flag is no secret, whatever its name', () => {
  expect(looksSecret('MYSQL_ALLOW_EMPTY_PASSWORD', 'yes')).toBe(false);
  expect(looksSecret('MYSQL_RANDOM_ROOT_PASSWORD', 'true')).toBe(false);
  expect(looksSecret('OPENAI_API_KEY', '')).toBe(false);
  expect(looksSecret('OPENAI_API_KEY', 'no-really')).toBe(true);
});

test('the documented list', () => {
  expect(SECRET_WORDS).toEqual(expect.arrayContaining(['PASSWORD', 'SECRET', 'TOKEN', 'KEY', 'CREDENTIALS']));
});
