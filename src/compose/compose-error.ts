/**
 * Why a compose project cannot be converted faithfully. Its message is one
 * line naming the file, the service (when there is one) and the key, so a CLI
 * user can go straight to the line to fix.
 */
export class ComposeError extends Error {
  public readonly file: string;
  public readonly service?: string;
  public readonly key: string;

  public constructor(file: string, service: string | undefined, key: string, reason: string) {
    super(oneLine(`${file}: ${service === undefined ? '' : `service "${service}": `}${key}: ${reason}`));
    this.name = 'ComposeError';
    this.file = file;
    this.service = service;
    this.key = key;
  }
}

/** Where a value came from: the file, and the service it belongs to, if any. */
export interface ComposeLocation {
  readonly file: string;
  readonly service?: string;
}

/** Reasons, keys and service names come from the user's files; a newline in one must not split the report. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
