import { constructFromEvents, defineScalarTag, EVENT_ID, type Event, FAILSAFE_SCHEMA, NOT_RESOLVED, parseEvents, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import { RESOLVABLE_FIRST_CHARS, resolvePlainScalar } from './yaml-v2-scalars';

// js-yaml reads plain YAML several times faster than the `yaml` package, but
// only the `yaml` path gives the positions and messages `lint` prints, and
// resolves anchors, merge keys, tags and directives as it always has. So this
// reader takes only what it reads exactly like that path does, and says why it
// declines anything else: the caller then reads the text the exact way.

/** Why the fast reader declined a text (the exact reader takes it instead). */
export enum FastYamlFallback {
  /** js-yaml could not read it (a syntax error, a duplicate key...): the exact reader reports it. */
  UNREADABLE = 'unreadable',
  /** An anchor (`&a`) or alias (`*a`). */
  ANCHOR_OR_ALIAS = 'anchor or alias',
  /** An explicit tag (`!!str`, `!`, `!foo`). */
  TAG = 'tag',
  /** A `%YAML` or `%TAG` directive. */
  DIRECTIVE = 'directive',
  /** A merge key (`<<`) may be there: the text contains `<<`. */
  MERGE_KEY = 'merge key',
  /**
   * A mapping key that is not a string (`~:`, `yes:`, `1.5:`): how it becomes
   * a JSON key is left to the exact reader.
   */
  NON_STRING_KEY = 'non-string key',
  /**
   * A key over 1,000 characters: YAML (and libyaml) limit an implicit key to
   * 1,024, which js-yaml does not enforce.
   */
  LONG_KEY = 'long key',
}

/** The documents of a text, or why the fast reader declined it. */
export type FastYamlResult =
  | { readonly documents: unknown[] }
  | { readonly fallback: FastYamlFallback };

// Whether the text being read has a number JSON cannot carry (`.nan`, `.inf`, `-0.0`).
let sawNonJsonNumber = false;

// Plain scalars resolve as gopkg.in/yaml.v2 does; everything else is a string,
// a sequence or a mapping (the failsafe schema: no explicit tags are known).
const YAML_V2_PLAIN_TAG = defineScalarTag<unknown>('tag:yaml.org,2002:k8s-yaml-v2-plain', {
  implicit: true,
  implicitFirstChars: RESOLVABLE_FIRST_CHARS,
  resolve: (source) => {
    const value = resolvePlainScalar(source);
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
      sawNonJsonNumber = true;
    }
    return typeof value === 'string' ? NOT_RESOLVED : value;
  },
  identify: () => false,
});
const KUBERNETES_SCHEMA = FAILSAFE_SCHEMA.withTags(YAML_V2_PLAIN_TAG);

/**
 * Reads every document of `text` with js-yaml, or returns why it did not: a
 * text it reads gives the objects the exact (`yaml` package) reader gives.
 */
export function readYamlFast(text: string): FastYamlResult {
  if (text.includes('<<')) {
    return { fallback: FastYamlFallback.MERGE_KEY };
  }
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return { fallback: FastYamlFallback.UNREADABLE };
  }
  const declined = unsupportedFeature(events, text);
  if (declined !== undefined) {
    return { fallback: declined };
  }
  sawNonJsonNumber = false;
  let documents: unknown[];
  try {
    documents = constructFromEvents(events, { source: text, schema: KUBERNETES_SCHEMA });
  } catch {
    return { fallback: FastYamlFallback.UNREADABLE };
  }
  return { documents: sawNonJsonNumber ? documents : compactCopy(documents) };
}

// `lint` holds every object of every file until the end (cross-object facts).
// js-yaml's objects grow key by key, and its strings are slices that keep the
// whole file text alive: a copy through JSON holds the same values in about a
// third of the memory (bench/lint.js: 67 MB of heap become 25 MB for 10,000 Pods).
function compactCopy(documents: unknown[]): unknown[] {
  return JSON.parse(JSON.stringify(documents));
}

// One pass over the events. `open` holds, per open collection, -1 for a
// sequence or the number of nodes seen so far in a mapping (even: a key comes).
function unsupportedFeature(events: readonly Event[], text: string): FastYamlFallback | undefined {
  const open: number[] = [];
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (event.directives.length > 0) {
          return FastYamlFallback.DIRECTIVE;
        }
        open.length = 0;
        continue;
      case EVENT_ID.POP:
        open.pop();
        continue;
      case EVENT_ID.ALIAS:
        return FastYamlFallback.ANCHOR_OR_ALIAS;
      default:
    }
    if (event.anchorStart !== -1) {
      return FastYamlFallback.ANCHOR_OR_ALIAS;
    }
    if (event.tagStart !== -1) {
      return FastYamlFallback.TAG;
    }
    const depth = open.length - 1;
    const isKey = depth >= 0 && open[depth] >= 0 && open[depth]++ % 2 === 0;
    if (event.type === EVENT_ID.SCALAR) {
      const declined = isKey ? unsupportedKey(event, text) : undefined;
      if (declined !== undefined) {
        return declined;
      }
    } else {
      open.push(event.type === EVENT_ID.MAPPING ? 0 : -1);
    }
  }
  return undefined;
}

const MAX_KEY_LENGTH = 1000;

function unsupportedKey(key: ScalarEvent, text: string): FastYamlFallback | undefined {
  if (key.valueEnd - key.valueStart > MAX_KEY_LENGTH) {
    return FastYamlFallback.LONG_KEY;
  }
  if (key.style === SCALAR_STYLE.PLAIN && typeof resolvePlainScalar(text.slice(key.valueStart, key.valueEnd)) !== 'string') {
    return FastYamlFallback.NON_STRING_KEY;
  }
  return undefined;
}
