import cliProgress from 'cli-progress';

/** A progress bar per label on stderr; one bar at a time, as long commands report stages. */
export function progressBar(): { update: (label: string, done: number, total: number) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    update(label, done, total) {
      if (label !== current) {
        stop();
        current = label;
        bar = new cliProgress.SingleBar(
          { format: `${label.padEnd(28)} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 2000, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar?.setTotal(total);
      bar?.update(done);
    },
    stop,
  };
}
