// What a person meets first at the command line: every command answers --help, an unknown option
// or a bad --out gives one line and the command's usage, and nothing prints a stack trace.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const bin = resolve(import.meta.dirname, '../../bin/cc-pretrain');
const COMMANDS = ['run', 'extract', 'dedup', 'train-tokenizer', 'tokenize', 'train', 'report', 'inspect', 'verify', 'status', 'task'];

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, CC_PRETRAIN_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STACK_FRAME = /^\s+at .+[(:]\d+/m;

test('every command prints its own usage for --help and -h, exit 0', () => {
  for (const command of COMMANDS) {
    for (const flag of ['--help', '-h']) {
      const r = cli(command, flag);
      assert.equal(r.code, 0, `${command} ${flag}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage: cc-pretrain ${command} `), `${command} ${flag}`);
      assert.equal(r.stderr, '');
    }
  }
});

test('an unknown option is one line naming it, then that command usage, exit 2', () => {
  for (const command of COMMANDS) {
    const r = cli(command, '--no-such-option', 'x');
    assert.equal(r.code, 2, command);
    const [first, blank, usage] = r.stderr.split('\n');
    assert.equal(first, `cc-pretrain: ${command}: unknown option '--no-such-option'`);
    assert.equal(blank, '');
    assert.match(usage ?? '', new RegExp(`^Usage: cc-pretrain ${command} `));
    assert.doesNotMatch(r.stderr, STACK_FRAME);
  }
});

test('--out naming an existing file is refused in one line, no stack trace', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'taken');
  writeFileSync(file, 'x');
  const r = cli('run', resolve(import.meta.dirname, '../../examples/sample.yaml'), '--out', file);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `cc-pretrain: run folder ${file} is a file, not a folder: choose another --out\n`);
});

test('an unexpected error is one line; --debug shows the stack', () => {
  const missing = join(tmpdir(), 'no-such-dir-cc-pretrain', 'docs.parquet');
  const plain = cli('inspect', missing);
  assert.equal(plain.code, 1);
  assert.equal(plain.stderr.trim().split('\n').length, 1, plain.stderr);
  assert.doesNotMatch(plain.stderr, STACK_FRAME);
  const debug = cli('inspect', missing, '--debug');
  assert.equal(debug.code, 1);
  assert.match(debug.stderr, STACK_FRAME);
});

test('an unknown command and no command show the general usage, exit 2', () => {
  const r = cli('frobnicate');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^cc-pretrain: unknown command "frobnicate"\n\ncc-pretrain — /);
  assert.equal(cli().code, 2);
});

test('commands keep their compiled modules in the project compile cache, not the shared temp folder', () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NODE_COMPILE_CACHE'];
  // A missing run folder: the command's modules load, then it stops with one line.
  const r = spawnSync(bin, ['status', join(tmpdir(), 'cc-pretrain-no-such-run')], { encoding: 'utf8', env });
  assert.equal(r.status, 1, r.stderr);
  const cache = resolve(import.meta.dirname, '../../.cache/node-compile');
  const entries = readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  assert.ok(entries.length > 0, `no compiled modules in ${cache}`);
});

test('the command runs with 8 MB semi-spaces, as local workers do (a Slurm or Ray task keeps its peak RSS down)', () => {
  const probe = 'data:text/javascript,process.stdout.write(JSON.stringify(process.execArgv));process.exit(0)';
  const r = spawnSync(bin, ['task', '--help'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--import=${probe}` } });
  assert.equal(r.status, 0, r.stderr);
  assert.ok((JSON.parse(r.stdout) as string[]).includes('--max-semi-space-size=8'), r.stdout);
});
