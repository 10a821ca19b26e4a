// The command line the benchmarks share, checked the same way for all: `--<what> N` (how many objects the bench
// seeds, named by each bench), `--runs`, `--port` (the bench's own BFF), `--page-size` (list pages), `--cleanup`,
// `--project` (where a bench that takes it seeds and measures) and the yes/no flags a bench names.
import { parseArgs } from 'node:util';

interface CountOption {
  /** The option's name: --servers, --volumes, --projects... */
  name: string;
  default: number;
  min: number;
  max: number;
}

export interface BenchArgs {
  /** How many objects to seed (the count option's value; 0 for a bench without one). */
  count: number;
  runs: number;
  port: number;
  cleanup: boolean;
  /** The `--project` given, for a bench that asks for the option. */
  project: string | undefined;
  /** The bench's own yes/no flags that were given. */
  flags: Set<string>;
  /** The list page at `path` once per `--page-size` given (`path?limit=N`), or at its own default page size. */
  listPaths: (path: string) => string[];
}

export function integer(option: string, value: unknown, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new Error(`--${option}: ${min}..${max}`);
  return number;
}

interface BenchOptions {
  count?: CountOption;
  port: number;
  /** The default of `--runs` (3 unless the bench says otherwise). */
  runs?: number;
  pageSizes?: boolean;
  /** The default of `--project`; without it the bench takes no such option. */
  project?: string;
  flags?: string[];
}

export function benchArgs({ count, port, runs = 3, pageSizes = false, project, flags = [] }: BenchOptions): BenchArgs {
  // The options depend on the bench, so their values are read as what parseArgs can give.
  const { values }: { values: Record<string, string | boolean | (string | boolean)[] | undefined> } = parseArgs({
    options: {
      ...(count && { [count.name]: { type: 'string', default: String(count.default) } }),
      runs: { type: 'string', default: String(runs) },
      port: { type: 'string', default: String(port) },
      ...(pageSizes && { 'page-size': { type: 'string', multiple: true } }),
      cleanup: { type: 'boolean', default: false },
      ...(project !== undefined && { project: { type: 'string', default: project } }),
      ...Object.fromEntries(flags.map((flag) => [flag, { type: 'boolean', default: false }])),
    },
  });
  const sizes = [values['page-size'] ?? []].flat().map((size) => integer('page-size', size, 1, 1000));
  return {
    count: count ? integer(count.name, values[count.name], count.min, count.max) : 0,
    runs: integer('runs', values.runs, 1, 20),
    port: integer('port', values.port, 1024, 65535),
    cleanup: values.cleanup === true,
    project: typeof values.project === 'string' ? values.project : undefined,
    flags: new Set(flags.filter((flag) => values[flag] === true)),
    listPaths: (path) => (sizes.length === 0 ? [path] : sizes.map((size) => `${path}?limit=${size}`)),
  };
}
