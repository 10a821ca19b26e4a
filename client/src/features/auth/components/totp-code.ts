// A TOTP code field, the same at sign-in and when signing in again: what authenticators and password managers fill
// (one-time-code, digits), and the code as typed without the space some apps show in its middle.
export const totpCodeInput = {
  autoComplete: 'one-time-code',
  inputMode: 'numeric',
  pattern: '[0-9]{6}',
  maxLength: 6,
  required: true,
  autoFocus: true,
} as const;

export const typedCode = (value: string) => value.replace(/\s/g, '');
