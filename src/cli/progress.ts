import cliProgress from 'cli-progress';

export type Progress = { tick(label: string): void; done(): void };

/** A progress bar on a terminal; plain lines when the output is a file or a pipe. */
export function progress(title: string, total: number, out: NodeJS.WriteStream = process.stderr): Progress {
  if (!out.isTTY) {
    let n = 0;
    out.write(`${title}\n`);
    return { tick: (label) => out.write(`  [${++n}/${total}] ${label}\n`), done: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: out, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return { tick: (label) => bar.increment({ label }), done: () => bar.stop() };
}
