// An `openstack ...` command line, correctly quoted, that the user can copy: how to do with the CLI what Zenith
// is about to do (or did).
import clsx from 'clsx';
import { CopyButton } from './copy-button';
import { shellCommand } from './shell-quote';

export function CliCommand({
  commands,
  className,
  testId = 'cli-command',
}: {
  /** One argv per command, without the leading `openstack`. */
  commands: readonly (readonly string[])[];
  className?: string;
  testId?: string;
}) {
  const text = commands.map((argv) => shellCommand(['openstack', ...argv])).join('\n');
  return (
    <div className={clsx('relative rounded-md border border-line bg-sunken', className)}>
      <pre
        data-testid={testId}
        tabIndex={0}
        className="py-2.5 pr-20 pl-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-fg"
      >
        {text}
      </pre>
      <CopyButton text={text} className="absolute top-1.5 right-1.5" />
    </div>
  );
}
