import { extractMainText } from '../../ingest/html-extract.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { loadPages } from './pages.ts';
const pages = await loadPages(sharedDataDir()!);
let s = 0;
const t0 = process.cpuUsage();
for (let r = 0; r < 2; r++) for (const p of pages) s += extractMainText(p.html).text.length;
const u = process.cpuUsage(t0);
console.log(s, (u.user + u.system) / 1e6);
