// Set-up step (scripts/setup.sh): fetches the UT1 block lists FineWeb's URL filter uses from the
// datatrove 0.2.0 wheel on PyPI (the copy FineWeb ran; `pip download --no-deps`, no install),
// checks the tarball's SHA-256, unpacks its two lists and builds the cache filters/ut1.ts reads.
// Does nothing when the cache is complete.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUt1Cache, UT1_DIR, ut1Present } from '../filters/ut1.ts';

const WHEEL = 'datatrove==0.2.0';
const MEMBER = 'datatrove/assets/url_filterblacklists.tar.gz';
/** Of the tarball inside the wheel: the lists FineWeb ran with, byte for byte. */
const EXPECTED_SHA256 = '9659dda640e167426f5e4dc0c380a11ec6e0e5d9e9b1b575de2d49a349d542a7';
const python = process.argv[2] ?? 'python3';

if (ut1Present()) {
  process.stdout.write(`setup: UT1 lists already in ${UT1_DIR}\n`);
} else {
  const work = mkdtempSync(join(tmpdir(), 'ut1-'));
  try {
    execFileSync(python, ['-m', 'pip', 'download', '-q', '--no-deps', '--only-binary', ':all:', WHEEL, '-d', work], { stdio: 'inherit' });
    const wheel = readdirSync(work).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error(`pip download ${WHEEL} left no wheel in ${work}`);
    // The wheel is a zip and the lists a tarball inside it: Python's zipfile and tarfile unpack both.
    const unpack = [
      'import sys, zipfile, tarfile, io',
      'data = zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])',
      'sys.stdout.write(__import__("hashlib").sha256(data).hexdigest())',
      't = tarfile.open(fileobj=io.BytesIO(data), mode="r:gz")',
      'import os',
      'os.makedirs(os.path.join(sys.argv[3], "adult"), exist_ok=True)',
      'for name in ("adult/domains", "adult/urls"):',
      '    open(os.path.join(sys.argv[3], name), "wb").write(t.extractfile(name).read())',
    ].join('\n');
    const sha = execFileSync(python, ['-c', unpack, join(work, wheel), MEMBER, work], { encoding: 'utf8' }).trim();
    if (sha !== EXPECTED_SHA256) throw new Error(`${MEMBER} in ${wheel} has SHA-256 ${sha}, expected ${EXPECTED_SHA256}`);
    const t0 = performance.now();
    const counts = await buildUt1Cache(work);
    process.stdout.write(`setup: UT1 lists cached in ${UT1_DIR}: ${counts.domains} domains, ${counts.urls} URLs (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
