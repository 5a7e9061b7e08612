/**
 * Words that mark an environment variable as secret, matched against the
 * name's words (split at `_`, `-`, `.` and lower-to-upper case changes,
 * case-insensitive): `DB_PASSWORD`, `githubToken`, `SECRET_KEY_BASE`,
 * `AWS_SECRET_ACCESS_KEY`, `SMTP_PASS`, `API_KEY`, `JWT_SECRET`.
 * The README's import section lists the same words.
 */
export const SECRET_WORDS: readonly string[] = [
  'PASSWORD', 'PASSWD', 'PASS', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS', 'KEY', 'KEYS', 'APIKEY', 'CREDENTIAL',
  'CREDENTIALS', 'CREDS', 'PRIVATE', 'SALT', 'DSN',
];

/** Words that say the value is not the secret itself but where to find it (`POSTGRES_PASSWORD_FILE=/run/secrets/db`). */
const REFERENCE_WORDS = new Set(['FILE', 'PATH', 'DIR', 'LENGTH', 'LEN', 'MIN', 'MAX', 'EXPIRY', 'EXP', 'TTL', 'TIMEOUT', 'ENABLED', 'REQUIRED', 'TYPE', 'HEADER', 'NAME', 'ID']);

const WORDS = new Set(SECRET_WORDS);

/** A flag, not a secret, whatever the name says (`MYSQL_ALLOW_EMPTY_PASSWORD: "yes"`). */
const FLAG_VALUE = /^(|yes|no|true|false|on|off|0|1)$/i;

/**
 * Whether an environment variable's value must not be written into code: one
 * of its name's words is in `SECRET_WORDS`, its last word does not say it only
 * points at or describes the secret (`_FILE`, `_PATH`, `_LENGTH`, `_ENABLED`,
 * ...), and the value is not empty or a yes/no flag.
 */
export function looksSecret(name: string, value: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[^A-Z0-9]+/).filter(w => w !== '');
  if (words.length === 0 || REFERENCE_WORDS.has(words[words.length - 1]) || FLAG_VALUE.test(value.trim())) return false;
  return words.some(w => WORDS.has(w));
}
