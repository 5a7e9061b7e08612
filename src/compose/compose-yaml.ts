import * as YAML from 'yaml';
import { ComposeError } from './compose-error';

/**
 * The most nodes a compose document may have once its aliases are expanded.
 * Large self-hosted products (Sentry's self-hosted compose file: ~790 lines,
 * 130 merge keys) expand to a few thousand; a "billion laughs" document to
 * billions. Counting is linear in the document's size, so a bomb is refused
 * before anything is expanded.
 */
export const MAX_EXPANDED_NODES = 1_000_000;

/** Deeper nesting than this is no compose file, and would exhaust the stack of a recursive walk. */
export const MAX_DEPTH = 200;

/**
 * Parses one compose file's text as compose-go's yaml.v3 does: YAML 1.2 core
 * schema, anchors, aliases and `<<` merge keys (`<<: *a`, `<<: [*a, *b]`), one
 * document per file, unique keys. Every refusal is one line starting `file:line:column`.
 */
export function parseComposeText(text: string, file: string): unknown {
  const lineCounter = new YAML.LineCounter();
  let docs: YAML.Document.Parsed[];
  try {
    const all = YAML.parseAllDocuments(text, { schema: 'core', merge: true, uniqueKeys: true, prettyErrors: false, lineCounter, logLevel: 'silent' });
    docs = Array.isArray(all) ? all : [];
  } catch (e) {
    // the parser recurses on nesting: a pathological document can exhaust the stack
    throw new ComposeError(file, undefined, 'yaml', `cannot be parsed (${(e as Error).message}): is it a compose file?`);
  }
  const at = (offset: number | undefined) => {
    if (offset === undefined) return file;
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (docs.length === 0) return null;
  const doc = docs[0];
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw new ComposeError(at(error.pos[0]), undefined, 'yaml', `malformed YAML: ${error.message.split('\n')[0]}`);
  }
  if (docs.length > 1) {
    throw new ComposeError(at(docs[1].range[0]), undefined, 'yaml', `holds ${docs.length} YAML documents (separated by ---): put each in its own file and pass them in order with -f`);
  }
  new ExpansionCounter(doc, at).count(doc.contents);
  try {
    return doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    throw new ComposeError(file, undefined, 'yaml', `cannot be read (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Counts the nodes of the expanded document, each anchored node once (memoised), refusing bombs, cycles and deep nesting. */
class ExpansionCounter {
  private readonly sizes = new Map<YAML.Node, number>();
  private readonly visiting = new Set<YAML.Node>();
  /** Each alias's node, resolved in one pass (`Alias.resolve` walks the whole document per call). */
  private readonly targets = new Map<YAML.Alias, YAML.Node | undefined>();

  public constructor(doc: YAML.Document.Parsed, private readonly at: (offset: number | undefined) => string) {
    // as yaml.v3 and the yaml package: an alias refers to the last anchor of its name before it, in document order
    const anchors = new Map<string, YAML.Node>();
    YAML.visit(doc, {
      Node: (_, node) => {
        if (YAML.isAlias(node)) this.targets.set(node, anchors.get(node.source));
        else if (node.anchor !== undefined) anchors.set(node.anchor, node);
      },
    });
  }

  public count(node: unknown, depth = 0): number {
    if (!YAML.isNode(node)) return 1;
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) throw this.refuse(node, `nested deeper than ${MAX_DEPTH} levels (aliases included): no compose file is; refusing it`);
    if (this.visiting.has(node)) throw this.refuse(node, 'an alias refers to the node that contains it (a recursive alias): compose cannot read it either');
    this.visiting.add(node);
    let size = 1;
    if (YAML.isAlias(node)) {
      const target = this.targets.get(node);
      if (target === undefined) throw this.refuse(node, `alias *${node.source} has no anchor &${node.source} before it`);
      if (this.visiting.has(target)) throw this.refuse(node, `alias *${node.source} refers to the node that contains it (a recursive alias): compose cannot read it either`);
      size = this.count(target, depth + 1);
    } else if (YAML.isCollection(node)) {
      if (YAML.isMap(node)) this.checkMergeKeys(node);
      for (const item of node.items) {
        size += YAML.isPair(item) ? this.count(item.key, depth + 1) + this.count(item.value, depth + 1) : this.count(item, depth + 1);
        if (size > MAX_EXPANDED_NODES) break;
      }
    }
    this.visiting.delete(node);
    if (size > MAX_EXPANDED_NODES) {
      throw this.refuse(node, `its aliases expand to more than ${MAX_EXPANDED_NODES} nodes (an alias bomb, e.g. "billion laughs"): refusing to expand it`);
    }
    this.sizes.set(node, size);
    return size;
  }

  /** yaml.v3: "map merge requires map or sequence of maps as the value"; the yaml package would throw without a position. */
  private checkMergeKeys(map: YAML.YAMLMap): void {
    for (const pair of map.items) {
      if (!isMergeKey(pair.key) || !YAML.isNode(pair.value)) continue;
      const sources = YAML.isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const resolved = YAML.isAlias(source) ? this.targets.get(source) : source;
        if (resolved !== undefined && !YAML.isMap(resolved)) {
          throw this.refuse(YAML.isNode(source) ? source : pair.value, 'a merge key (<<) needs a mapping or a list of mappings: compose cannot read it either');
        }
      }
    }
  }

  private refuse(node: YAML.Node, reason: string): ComposeError {
    return new ComposeError(this.at(node.range?.[0]), undefined, 'yaml', reason);
  }
}

/** A plain `<<` key (a quoted one is an ordinary key): the yaml package gives a merge key a symbol value. */
function isMergeKey(key: unknown): boolean {
  if (!YAML.isScalar(key)) return false;
  if (typeof key.value === 'symbol') return key.value.description === '<<';
  return key.value === '<<' && (key.type === undefined || key.type === YAML.Scalar.PLAIN);
}
