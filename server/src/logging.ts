import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks in every line. Request logs carry headers, and these headers are credentials:
 * the session cookie, any Authorization or X-Auth-Token a client sends, the CSRF token, Keystone's
 * X-Subject-Token. Passwords and tokens never belong in a log object either.
 */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-auth-token"]',
  'req.headers["x-csrf-token"]',
  'req.headers["x-subject-token"]',
  'res.headers["set-cookie"]',
  'res.headers["x-subject-token"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'csrfToken',
  '*.csrfToken',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
