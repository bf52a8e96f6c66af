// The run config: defaults reproduce the FineWeb recipe where they apply, and a wrong field fails
// before any work with its path and what was expected.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRunConfig, parseRunConfig, configHash, ConfigError } from '../../pipeline/config.ts';

const minimal = { sources: [{ name: 'web', kind: 'warc', paths: ['a.warc.gz'] }] };

test('a minimal config gets the defaults', () => {
  const c = parseRunConfig(minimal, 'test');
  assert.equal(c.filters.preset, 'fineweb');
  assert.equal(c.dedup.minhash.bands, 14);
  assert.equal(c.dedup.minhash.rows, 8);
  assert.equal(c.executor.kind, 'local');
});

test('wrong fields are named by their path', () => {
  assert.throws(
    () => parseRunConfig({ sources: [{ name: 'we b', kind: 'warc', paths: [] }], dedup: { minhash: { bands: 'x' } }, bogus: 1 }, 'bad.yaml'),
    (err: Error) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /invalid config bad\.yaml/);
      assert.match(err.message, /sources\.0\.name: a source name uses letters/);
      assert.match(err.message, /sources\.0\.paths: .*>=1/);
      assert.match(err.message, /dedup\.minhash\.bands: .*expected number/);
      assert.match(err.message, /Unrecognized key: "bogus"/);
      return true;
    },
  );
});

test('duplicate source names and unknown source kinds are refused', () => {
  assert.throws(() => parseRunConfig({ sources: [minimal.sources[0], minimal.sources[0]] }, 't'), /sources\.1\.name: duplicate source name "web"/);
  assert.throws(() => parseRunConfig({ sources: [{ name: 'x', kind: 'ftp', paths: ['a'] }] }, 't'), /sources\.0\.kind/);
});

test('YAML errors and missing files name the file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cfg-'));
  await writeFile(join(dir, 'broken.yaml'), 'sources: [\n');
  await assert.rejects(loadRunConfig(join(dir, 'broken.yaml')), /broken\.yaml is not valid YAML/);
  await assert.rejects(loadRunConfig(join(dir, 'absent.yaml')), /cannot read config .*absent\.yaml/);
  await rm(dir, { recursive: true });
});

test('the config hash ignores the executor, so a resume may use other workers', () => {
  const a = parseRunConfig({ ...minimal, executor: { kind: 'local', workers: 1 } }, 't');
  const b = parseRunConfig({ ...minimal, executor: { kind: 'local', workers: 8 } }, 't');
  assert.equal(configHash(a), configHash(b));
  assert.notEqual(configHash(a), configHash(parseRunConfig({ ...minimal, name: 'other' }, 't')));
});
