/**
 * Incremental analysis of one file over its versions. The file is split into its documents at
 * `---` lines (chunks.ts, no parse needed); each document's parse, model and findings are kept,
 * keyed by its text, and reused by the next version wherever that text is unchanged, moved by
 * how far it shifted (shift.ts). So a one-character edit re-parses and re-checks one document.
 *
 * Rules that look beyond their document (they read `context.file` or `context.daemonSets`, e.g.
 * duplicate names) are detected as they run and re-run on every version; the findings of every
 * other rule are cached per document. Findings are cached per rules, options, validator and
 * cluster (by identity): a settings or cluster change re-checks every document without re-parsing.
 *
 * The results equal a fresh analysis of the whole text (the unit tests compare both); only the
 * yaml `Document` objects and models are shared between versions and moved in place, so a
 * `FileAnalysis` is valid until the next `analyse` of the same analyser.
 */
import { LineCounter, type Document } from 'yaml';
import type { AnalysisContext, FileAnalysis } from './analyse';
import { splitDocuments, type Chunk } from './chunks';
import { Simulations, type ClusterContext } from './clusterContext';
import { DiagnosticCode } from './codes';
import { daemonSetModels, type DaemonSetModel, type JsonObject } from './model';
import { parseChunk, type ParsedDocument, type ParsedFile } from './parse';
import { applyPolicy } from './policy';
import { allRules, type AnalysisOptions, type Rule, type RuleContext } from './rules';
import { hasSpans, shiftDocument, shiftFinding, shiftModel } from './shift';
import { findTemplateSyntax } from './templates';
import type { Finding, Span } from './types';
import type { SchemaValidator } from './validator';
import { yamlFindings } from './yamlFindings';

/** What findings were computed with; compared by identity. */
interface RulesKey {
  options: AnalysisOptions;
  validator: SchemaValidator;
  rules: readonly Rule[];
  cluster: ClusterContext | undefined;
}

/** The cached findings of one DaemonSet, at its entry's `base`. */
interface CachedFindings {
  key: RulesKey;
  /** YAML errors and the findings of rules that only read the model. */
  local: Finding[];
  /** For each of `local`: whether its `data` holds spans (moved with it). */
  dataSpans: boolean[];
  /** Rules that read the whole file for this model: re-run on every version. */
  fileScoped: Rule[];
}

/** One DaemonSet of a document (the document itself, or an item of a list) and its findings. */
interface ModelEntry {
  model: DaemonSetModel;
  findings?: CachedFindings;
}

/** One parsed document of a chunk, with its DaemonSets. */
interface DocumentEntry {
  /** Positions as of the entry's `documentBase`; read it through `defineDocument`. */
  document: Document.Parsed;
  /** Undefined until judged; [] when the document holds no DaemonSet. */
  models: ModelEntry[] | undefined;
}

/** One chunk's parse; positions are absolute for a chunk starting at `base`. */
interface ChunkEntry {
  text: string;
  /** Whether the chunk ended the file (it is parsed differently: chunks.ts, `parseChunk`). */
  last: boolean;
  /** Where the chunk starts in the current version. */
  base: number;
  /**
   * Where it started when its documents' positions were last moved: documents are moved on first
   * read only (most are never read between two edits), so an edit costs no walk over the others.
   */
  documentBase: number;
  documents: DocumentEntry[];
  /** Whether the entry is in the pool, free for a run to take. */
  pooled: boolean;
}

/** Moves the entry's documents to its current base if they are not there yet. */
function sync(entry: ChunkEntry): void {
  const delta = entry.base - entry.documentBase;
  if (delta === 0) return;
  for (const item of entry.documents) shiftDocument(item.document, delta);
  entry.documentBase = entry.base;
}

/** `target.document` (a document of `entry`, or a list item's view of one), moved to the entry's position on first read. */
function defineDocument(target: { document: Document.Parsed }, entry: ChunkEntry, document: Document.Parsed): void {
  const get = (): Document.Parsed => {
    sync(entry);
    return document;
  };
  Object.defineProperty(target, 'document', { get, enumerable: true, configurable: true });
}

/** A parsed document of the current version, moved to its position on first read. */
class ChunkDocument implements ParsedDocument {
  constructor(
    readonly index: number,
    readonly span: Span,
    private readonly entry: ChunkEntry,
    private readonly parsed: Document.Parsed,
  ) {}

  get document(): Document.Parsed {
    sync(this.entry);
    return this.parsed;
  }
}

// Block, flow and JSON style: `kind: DaemonSet`, `{kind: DaemonSet}`, `"kind": "DaemonSet"`.
const daemonSetMention = /\bkind["']?[ \t]*:[ \t]*["']?DaemonSet\b/;

/**
 * Analyses successive versions of one file, reusing per-document work. Not shared between
 * files. `analyse` runs to completion; `steps` can be run in slices and abandoned.
 */
export class IncrementalAnalyser {
  /**
   * Entries of the last analysis (and of abandoned ones), by the length of their text (a number
   * is hashed at once; hashing each text would read all of it, 4 ms for a 1 MB file).
   */
  private pool = new Map<number, ChunkEntry[]>();
  /**
   * The entries of the last run in file order: an unchanged chunk is looked for there first, at
   * its index counted from the start and from the end, which spares a search of the pool.
   */
  private order: ChunkEntry[] = [];
  private running: Generator<void, FileAnalysis, void> | undefined;
  private simulations: Simulations | undefined;
  /** Rules seen reading the whole file: run once the whole file is parsed, for every DaemonSet. */
  private readonly wideRules = new Set<Rule>();
  /** The run under way, for `partialFindings`. */
  private partial:
    | { done: ModelEntry[]; lineOf: (offset: number) => number; options: AnalysisOptions; clusterProblem: AnalysisContext['clusterProblem']; text: string }
    | undefined;
  /** What the last run did: chunks parsed and reused, DaemonSets checked (for tests and logs). */
  readonly lastRun = { parsed: 0, reused: 0, checked: 0 };

  /** The analysis of `text` (a whole file); never throws for bad input. */
  analyse(text: string, context: AnalysisContext): FileAnalysis {
    const steps = this.steps(text, context);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /**
   * The same analysis as a generator that yields between documents, so a caller can run it in
   * time slices and drop it when a newer version arrives (work done so far is kept for the next
   * run). Starting a new run abandons the previous one.
   */
  steps(text: string, context: AnalysisContext): Generator<void, FileAnalysis, void> {
    this.running?.return(undefined as never);
    const run = this.run(text, context);
    this.running = run;
    return run;
  }

  /** How many chunk entries are kept (for tests: bounded by the documents of the last version). */
  get cachedChunks(): number {
    let count = 0;
    for (const entries of this.pool.values()) count += entries.length;
    return count;
  }

  private *run(text: string, context: AnalysisContext): Generator<void, FileAnalysis, void> {
    const { options } = context;
    const mention = daemonSetMention.exec(text);
    if (mention === null) return { file: undefined, daemonSets: [], findings: [] };
    const mentionSpan = { start: mention.index, end: mention.index + 'kind'.length };
    if (exceeds(text, options.maxFileSize)) {
      const megabytes = (options.maxFileSize / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
      return skipped(text, options, 'too-large', {
        code: DiagnosticCode.FileTooLarge,
        severity: 'info',
        message: `This file is larger than ${megabytes} MB (setting daemonscope.maxFileSize), so Daemonscope does not analyse it.`,
        span: mentionSpan,
      });
    }
    const fresh: ChunkEntry[] = [];
    let completed = false;
    Object.assign(this.lastRun, { parsed: 0, reused: 0, checked: 0 });
    const documents: ParsedDocument[] = [];
    const daemonSets: DaemonSetModel[] = [];
    const file: ParsedFile = { text, lineCounter: lineCounterOf(text), documents };
    const simulations = this.simulationsFor(context.cluster);
    const ruleContext: RuleContext = { file, daemonSets, options, validator: context.validator, ...(simulations ? { simulations } : {}) };
    const key: RulesKey = { options, validator: context.validator, rules: context.rules ?? allRules, cluster: context.cluster };
    const lineOf = (offset: number): number => file.lineCounter.linePos(offset).line - 1;
    // The rules of a DaemonSet run as soon as it is parsed (so the first documents' findings are
    // ready early, see `partialFindings`), unless the file may be a template: then only once the
    // whole file is known not to be.
    const early = !text.includes('{{');
    const done: ModelEntry[] = [];
    this.partial = { done, lineOf, options, clusterProblem: context.clusterProblem, text };
    const check = (item: ModelEntry, model: DaemonSetModel): boolean => {
      if (item.findings && sameKey(item.findings.key, key)) return false;
      item.findings = checkModel(model, ruleContext, key, this.wideRules);
      this.lastRun.checked++;
      return true;
    };
    try {
      // Every document parsed (or taken from the pool and moved), every DaemonSet modelled.
      const chunks = splitDocuments(text);
      const previous = this.order;
      const fromEnd = previous.length - chunks.length;
      for (const [i, chunk] of chunks.entries()) {
        const last = i === chunks.length - 1;
        let entry: ChunkEntry;
        try {
          const reused = this.take(chunk, last, previous[i], previous[i + fromEnd]);
          entry = reused ?? parseEntry(chunk, last);
          this.lastRun[reused ? 'reused' : 'parsed']++;
        } catch (error) {
          // The YAML parser recurses; pathological nesting can exhaust the stack.
          return skipped(text, options, 'unparsable', {
            code: DiagnosticCode.YamlSyntax,
            severity: 'error',
            message: `This file cannot be parsed: ${error instanceof Error ? error.message : String(error)}`,
            span: mentionSpan,
          });
        }
        fresh.push(entry);
        const delta = entry.base - entry.documentBase;
        for (const item of entry.documents) {
          const range = item.document.range;
          const parsed = new ChunkDocument(documents.length, { start: range[0] + delta, end: range[2] + delta }, entry, item.document);
          documents.push(parsed);
          item.models ??= daemonSetModels(parsed, text).map((model) => {
            defineDocument(model, entry, model.document);
            return { model };
          });
          for (const part of item.models) {
            part.model.index = parsed.index;
            daemonSets.push(part.model);
            if (early) {
              check(part, part.model);
              done.push(part);
            }
          }
        }
        yield;
      }
      const template = findTemplateSyntax(file);
      if (template !== undefined) {
        completed = true;
        return skipped(text, options, 'templated', {
          code: DiagnosticCode.TemplatedFile,
          severity: 'info',
          message:
            'This file contains template syntax ({{ }}), so Daemonscope does not analyse it. Check the rendered manifests instead, e.g. `helm template . | daemonscope check -`.',
          span: template,
        });
      }

      // Findings per DaemonSet (cached unless the rules, settings or cluster changed), then the
      // rules that read the whole file, on every version.
      const findings: Finding[] = [];
      for (const entry of fresh) {
        for (const item of entry.documents) {
          for (const part of item.models ?? []) {
            const model = part.model;
            if (check(part, model)) yield;
            findings.push(...part.findings!.local);
            const valued = model as DaemonSetModel & { value: JsonObject };
            for (const rule of part.findings!.fileScoped) findings.push(...rule.check(valued, ruleContext));
          }
        }
      }
      const { clusterProblem } = context;
      if (clusterProblem) for (const model of daemonSets) findings.push({ ...clusterProblem, severity: 'warning', span: model.anchor });
      completed = true;
      return { file, daemonSets, findings: applyPolicy(findings, text, lineOf, options.rules), ...(simulations ? { simulations } : {}) };
    } finally {
      this.partial = undefined;
      this.keep(fresh, completed);
      if (this.running === undefined || completed) this.running = undefined;
    }
  }

  /**
   * While a run is under way (between two steps): the findings of the DaemonSets it has checked
   * so far (the first documents of the file, what an editor shows first), without those of
   * rules that compare DaemonSets, which come with the complete analysis. Undefined when no
   * DaemonSet is checked yet, or no run is under way.
   */
  partialFindings(): Finding[] | undefined {
    const progress = this.partial;
    if (!progress || progress.done.length === 0) return undefined;
    const findings: Finding[] = [];
    for (const item of progress.done) {
      findings.push(...(item.findings?.local ?? []));
      if (progress.clusterProblem && item.model) findings.push({ ...progress.clusterProblem, severity: 'warning', span: item.model.anchor });
    }
    return applyPolicy(findings, progress.text, progress.lineOf, progress.options.rules);
  }

  /**
   * An unused entry of the pool with this chunk's text, moved to the chunk's position: one of
   * `hints` if it has that text, else one found by text.
   */
  private take(chunk: Chunk, last: boolean, ...hints: (ChunkEntry | undefined)[]): ChunkEntry | undefined {
    // A taken entry stays in its list of the pool, unpooled, until `keep` makes the next pool.
    const entry =
      hints.find((hint) => hint !== undefined && hint.pooled && hint.last === last && hint.text === chunk.text) ??
      this.pool.get(chunk.text.length)?.find((candidate) => candidate.pooled && candidate.last === last && candidate.text === chunk.text);
    if (!entry) return undefined;
    entry.pooled = false;
    const delta = chunk.span.start - entry.base;
    if (delta !== 0) {
      for (const item of entry.documents) {
        for (const part of item.models ?? []) {
          shiftModel(part.model, delta);
          const cached = part.findings;
          if (cached) part.findings = { ...cached, local: cached.local.map((finding, i) => shiftFinding(finding, delta, cached.dataSpans[i])) };
        }
      }
      entry.base = chunk.span.start;
    }
    return entry;
  }

  /**
   * After a run: a completed run's entries replace the pool (so it never outgrows the file); an
   * abandoned run's entries join what is left of it (those it did not take), for the next run.
   */
  private keep(fresh: ChunkEntry[], completed: boolean): void {
    const left = completed ? [] : [...this.pool.values()].flat().filter((entry) => entry.pooled);
    this.pool = new Map();
    this.order = fresh;
    for (const entry of [...left, ...fresh]) {
      entry.pooled = true;
      const list = this.pool.get(entry.text.length);
      if (list) list.push(entry);
      else this.pool.set(entry.text.length, [entry]);
    }
  }

  private simulationsFor(cluster: ClusterContext | undefined): Simulations | undefined {
    if (!cluster) return undefined;
    if (this.simulations?.context !== cluster) this.simulations = new Simulations(cluster);
    return this.simulations;
  }
}

function sameKey(a: RulesKey, b: RulesKey): boolean {
  return a.options === b.options && a.validator === b.validator && a.rules === b.rules && a.cluster === b.cluster;
}

function parseEntry(chunk: Chunk, last: boolean): ChunkEntry {
  const text = ownCopy(chunk.text);
  const documents = parseChunk(text, chunk.span.start, last).map((document): DocumentEntry => ({ document, models: undefined }));
  return { text, last, base: chunk.span.start, documentBase: chunk.span.start, documents, pooled: false };
}

/**
 * `text` in memory of its own. A chunk is a slice of its version's text, and V8 keeps a sliced
 * string's whole parent alive: an entry kept over many versions (and the scalars parsed from it)
 * would pin the whole file as it was when that entry was made, once per entry.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * The findings of one DaemonSet document: its YAML errors, then (if it decoded) every rule's.
 * Each rule runs with a context that notices when it reads the file or the other DaemonSets;
 * those rules' findings are not kept but the rules listed (and remembered in `wideRules`, so
 * that they are not run here again), to be run on the complete file on every version.
 */
function checkModel(model: DaemonSetModel, context: RuleContext, key: RulesKey, wideRules: Set<Rule>): CachedFindings {
  const local = yamlFindings(model.document, context.file.text);
  if (model.problem) local.push({ code: DiagnosticCode.YamlSyntax, severity: 'error', message: model.problem.message, span: model.problem.span });
  const fileScoped: Rule[] = [];
  const value = model.value;
  if (value !== undefined) {
    let wide = false;
    // The file may still be being parsed: a rule that reads it gets a copy of what is known so
    // far (an index a rule builds for the list must not be reused for the final one), and its
    // findings are dropped; it runs again on the complete file.
    const tracking: RuleContext = {
      get file() {
        wide = true;
        return { ...context.file, documents: context.file.documents.slice() };
      },
      get daemonSets() {
        wide = true;
        return context.daemonSets.slice();
      },
      options: context.options,
      validator: context.validator,
      ...(context.simulations ? { simulations: context.simulations } : {}),
    };
    const withValue = model as DaemonSetModel & { value: JsonObject };
    for (const rule of key.rules) {
      if (wideRules.has(rule)) {
        fileScoped.push(rule);
        continue;
      }
      wide = false;
      const found = rule.check(withValue, tracking);
      if (wide) {
        fileScoped.push(rule);
        wideRules.add(rule);
      } else local.push(...found);
    }
  }
  // Kept across versions: a message quoting the file (a duplicate key) must not pin its text.
  for (const finding of local) finding.message = ownCopy(finding.message);
  return { key, local, dataSpans: local.map((finding) => hasSpans(finding.data)), fileScoped };
}

/**
 * A LineCounter of `text` without parsing it: a line starts at 0 and after every `\n` (yaml's own
 * counter misses some inside broken flow collections). Built on first use.
 */
function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  let starts: number[] | undefined;
  Object.defineProperty(lineCounter, 'lineStarts', {
    get(): number[] {
      if (!starts) {
        starts = [0];
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      }
      return starts;
    },
    enumerable: true,
    configurable: true,
  });
  return lineCounter;
}

function skipped(text: string, options: AnalysisOptions, reason: FileAnalysis['skipped'], finding: Finding): FileAnalysis {
  const lineOf = (offset: number): number => countLines(text, offset);
  return { file: undefined, daemonSets: [], findings: applyPolicy([finding], text, lineOf, options.rules), skipped: reason };
}

/** The 0-based line of `offset` (for files that were not parsed, so have no LineCounter). */
function countLines(text: string, offset: number): number {
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** True when `text` in UTF-8 is longer than `limit` bytes. */
function exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}
