// Progress of a stage: a live bar with counts, rate and ETA on a terminal, and plain periodic
// lines elsewhere (CI, Slurm logs), so long batch jobs show they are alive either way.

export interface Progress {
  /** Work done inside tasks: documents (or items) and input bytes. */
  add(items: number, bytes?: number): void;
  taskFinished(ok: boolean): void;
  finish(): void;
}

export interface ProgressOptions {
  label: string;
  tasks: number;
  /** Input bytes of all pending tasks, when known: gives a byte-based ETA. */
  bytes?: number;
  stream?: NodeJS.WriteStream;
  /** Seconds between plain lines when not a terminal. */
  intervalS?: number;
}

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const start = performance.now();
  let items = 0;
  let bytes = 0;
  let done = 0;
  let failed = 0;
  let lastDraw = 0;

  const line = () => {
    const s = (performance.now() - start) / 1000;
    const fraction = options.bytes ? Math.min(1, bytes / options.bytes) : options.tasks ? done / options.tasks : 1;
    const eta = fraction > 0 && fraction < 1 ? formatDuration((s / fraction) * (1 - fraction)) : '--';
    const parts = [
      `[${options.label}]`,
      tty ? bar(fraction, 20) : '',
      `${done}/${options.tasks} tasks${failed ? ` (${failed} failed)` : ''}`,
      `${items.toLocaleString('en-US')} items`,
      `${rate(items, s)} items/s`,
      bytes ? `${(bytes / 1e6 / Math.max(s, 1e-9)).toFixed(1)} MB/s` : '',
      `elapsed ${formatDuration(s)}`,
      `ETA ${eta}`,
    ];
    return parts.filter(Boolean).join('  ');
  };
  const draw = (force: boolean) => {
    const now = performance.now();
    if (tty) {
      if (!force && now - lastDraw < 100) return;
      stream.write(`\r\x1b[2K${line()}`);
    } else {
      if (!force && now - lastDraw < (options.intervalS ?? 10) * 1000) return;
      stream.write(`${line()}\n`);
    }
    lastDraw = now;
  };

  return {
    add(n, b = 0) {
      items += n;
      bytes += b;
      draw(false);
    },
    taskFinished(ok) {
      done++;
      if (!ok) failed++;
      draw(false);
    },
    finish() {
      draw(true);
      if (tty) stream.write('\n');
    },
  };
}

function bar(fraction: number, width: number): string {
  const full = Math.round(fraction * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

function rate(n: number, seconds: number): string {
  return seconds > 0 ? Math.round(n / seconds).toLocaleString('en-US') : '0';
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}
