// POSIX shell quoting for the `openstack ...` command lines Zenith shows: pasted into bash, zsh or sh, each
// argument arrives exactly as written, whatever it contains (spaces, quotes, $, newlines, globs).

/** Characters no POSIX shell gives a meaning to in an unquoted word. */
const safeWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * An argument the shell takes from an environment variable, for a secret a command line must not show (a VPN
 * pre-shared key): `shellQuote` writes it as `"$NAME"`. It starts with a NUL, which no real argument can hold (argv
 * strings end at one), so no name typed in a form can turn into an expansion.
 */
export function shellVariable(name: string): string {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`not an environment variable name: ${name}`);
  return `\0${name}`;
}

const variableArgument = /^\0([A-Z_][A-Z0-9_]*)$/;

export function shellQuote(argument: string): string {
  if (argument === '') return "''";
  const variable = variableArgument.exec(argument);
  if (variable) return `"$${variable[1]}"`;
  if (safeWord.test(argument)) return argument;
  // Inside single quotes nothing is special but the closing quote: end the quoted part, add \', reopen.
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** The command line of an argv, each argument quoted when it needs to be. */
export function shellCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
