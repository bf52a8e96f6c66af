// Where the extract task allocates, per page and by pipeline step: `cc-pretrain task RUN extract 0`
// (a Slurm element: the task on the main thread) on the Common-Crawl-shaped WARC of N real pages
// and on the one-page WARC, each under V8's sampling heap profiler (alloc-sampler.ts); the
// difference is the per-page share. Two figures per step: every byte allocated (what the scavenges
// work through) and the bytes that lived through a scavenge (what is promoted into the old
// generation, whose growth sets how often a mark-compact runs over the whole heap). Steps are
// profile.ts's, by the innermost frame of a step's file; the largest allocation sites follow.
// With --ref the reference commit's tree is measured the same way, in the same run.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/alloc.ts [--pages 600] [--ref COMMIT] [--sites 25]

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { referenceTree } from '../reference-tree.ts';
import { benchInput, frameStep, out, root } from './profile.ts';

const { values: args } = parseArgs({ options: { pages: { type: 'string', default: '600' }, ref: { type: 'string' }, sites: { type: 'string', default: '25' } } });
const pages = Number(args.pages);

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  callFrame: CallFrame;
  selfSize: number;
  children: ProfileNode[];
}

/** A frame as the tables print it: function and file:line relative to the tree. */
const frameName = (f: CallFrame, tree: string): string => `${f.functionName || '(anonymous)'} ${f.url.replace(`file://${tree}/`, '')}:${f.lineNumber + 1}`;

/** Sampled bytes by step and by allocation site (the innermost frame with a script, and the builtin it called). */
function tally(profile: ProfileNode, tree: string): { steps: Map<string, number>; sites: Map<string, number> } {
  const steps = new Map<string, number>();
  const sites = new Map<string, number>();
  const stack: CallFrame[] = [];
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const walk = (node: ProfileNode): void => {
    stack.push(node.callFrame);
    if (node.selfSize > 0) {
      let step = 'start-up, pipeline, other';
      for (let i = stack.length - 1; i >= 0; i--) {
        const s = frameStep(stack[i]!.url);
        if (s !== undefined) {
          step = s;
          break;
        }
      }
      add(steps, step, node.selfSize);
      const js = stack.findLastIndex((f) => f.url !== '');
      const leaf = stack.at(-1)!;
      const site = js < 0 ? '(no script)' : js === stack.length - 1 ? frameName(leaf, tree) : `${leaf.functionName || '(native)'} < ${frameName(stack[js]!, tree)}`;
      add(sites, site, node.selfSize);
    }
    for (const c of node.children) walk(c);
    stack.pop();
  };
  walk(profile);
  return { steps, sites };
}

const node = path.join(root, 'node_modules/.bin/node');

/** Sampled bytes of one `task` run of `tree` over the run folder `dir` (planned on first use). */
function sampled(tree: string, config: string, dir: string, survivors: boolean) {
  rmSync(path.join(dir, 'markers', 'extract'), { recursive: true, force: true });
  const file = path.join(out, `alloc-${process.pid}.heapprofile`);
  execFileSync(node, ['--max-semi-space-size=8', '--import', path.join(root, 'bench/ingest/alloc-sampler.ts'), path.join(tree, 'cli/main.ts'), 'task', dir, 'extract', '0'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, ALLOC_PROFILE_OUT: file, ALLOC_SURVIVORS: survivors ? '1' : '0' },
  });
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { head: ProfileNode };
  rmSync(file);
  return tally(profile.head, tree);
}

/** Per page (N-page run minus one-page run), bytes by key. */
const perPage = (full: Map<string, number>, one: Map<string, number>): Map<string, number> =>
  new Map([...new Set([...full.keys(), ...one.keys()])].map((k) => [k, ((full.get(k) ?? 0) - (one.get(k) ?? 0)) / (pages - 1)]));

const inputs = [await benchInput(pages), await benchInput(1)];
const trees = new Map<string, string>([['this tree', root]]);
if (args.ref !== undefined) trees.set(`ref ${args.ref}`, referenceTree(args.ref, 'alloc', [], ['node_modules', '.cache']).dir);

const results = new Map<string, { all: ReturnType<typeof tally>; survived: ReturnType<typeof tally> }>();
for (const [side, tree] of trees) {
  const runs = inputs.map(({ config }, i) => {
    const dir = path.join(out, `alloc-${process.pid}-${i}`);
    rmSync(dir, { recursive: true, force: true });
    execFileSync(node, [path.join(tree, 'cli/main.ts'), 'extract', config, '--out', dir, '--workers', '1'], { cwd: root, stdio: 'ignore' });
    const r = { all: sampled(tree, config, dir, false), survived: sampled(tree, config, dir, true) };
    rmSync(dir, { recursive: true, force: true });
    return r;
  });
  const [full, one] = runs as [(typeof runs)[0], (typeof runs)[0]];
  results.set(side, {
    all: { steps: perPage(full.all.steps, one.all.steps), sites: perPage(full.all.sites, one.all.sites) },
    survived: { steps: perPage(full.survived.steps, one.survived.steps), sites: perPage(full.survived.sites, one.survived.sites) },
  });
}

const kb = (b: number | undefined): string => ((b ?? 0) / 1024).toFixed(1).padStart(8);
const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, v) => a + v, 0);
const sides = [...results.keys()];
console.log(`KB per page (${pages}-page task minus one-page task, sampled every 16 KB): allocated | lived through a scavenge`);
console.log(`  ${'step'.padEnd(28)}${sides.map((s) => `${s.padStart(20)}`).join('')}`);
const steps = [...results.get('this tree')!.all.steps].sort((a, b) => b[1] - a[1]).map(([k]) => k);
for (const step of ['total', ...steps]) {
  const cells = sides.map((s) => {
    const r = results.get(s)!;
    const [a, v] = step === 'total' ? [sum(r.all.steps), sum(r.survived.steps)] : [r.all.steps.get(step), r.survived.steps.get(step)];
    return `${kb(a)} |${kb(v)}`;
  });
  console.log(`  ${step.padEnd(28)}${cells.join('  ')}`);
}
for (const side of sides) {
  const r = results.get(side)!;
  console.log(`${side}: largest allocation sites, KB per page allocated | lived through a scavenge`);
  for (const [site, v] of [...r.all.sites].sort((a, b) => b[1] - a[1]).slice(0, Number(args.sites))) console.log(`  ${kb(v)} |${kb(r.survived.sites.get(site))}  ${site}`);
}
