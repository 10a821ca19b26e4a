// POSIX shell quoting for the `openstack ...` command lines Zenith shows: pasted into bash, zsh or sh, each
// argument arrives exactly as written, whatever it contains (spaces, quotes, $, newlines, globs).

/** Characters no POSIX shell gives a meaning to in an unquoted word. */
const safeWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(argument: string): string {
  if (argument === '') return "''";
  if (safeWord.test(argument)) return argument;
  // Inside single quotes nothing is special but the closing quote: end the quoted part, add \', reopen.
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** The command line of an argv, each argument quoted when it needs to be. */
export function shellCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
