// The BFF's sign-in endpoints (/api/auth/*) as both sides see them: what the SPA sends, what the BFF answers.
// The SPA imports these for their types only (`import type`): zod stays out of its first chunk.
import { z } from 'zod';

// A lone UTF-16 surrogate is no text anyone typed, and Keystone drops the connection without an answer when a name or
// id holds one (found by the fuzz suite): refused here, with the field named.
const name = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^\P{Cs}*$/u, 'Invalid text: a lone UTF-16 surrogate');

/** Body of POST /api/auth/login. */
export const LoginRequest = z.object({
  username: name,
  // Passwords are taken exactly as typed: trimming would change them.
  password: z.string().min(1).max(4096),
  userDomain: name.default('Default'),
  project: name.optional(),
  projectDomain: name.optional(),
  region: name.optional(),
});
/** What the SPA may send: the user's domain defaults to Default. */
export type LoginInput = z.input<typeof LoginRequest>;

/**
 * Body of POST /api/auth/login/totp: the second step of a password sign-in whose user Keystone's multi-factor rules
 * also ask a TOTP code of. The first step's Keystone receipt stays in the BFF's session; the browser sends the code.
 */
export const TotpLoginRequest = z.object({
  passcode: z.string().trim().regex(/^[0-9]{6}$/, 'A TOTP code is 6 digits'),
});
export type TotpLoginInput = z.input<typeof TotpLoginRequest>;

/**
 * Body of POST /api/auth/login/application-credential: by the credential's id, or by its name and its owner's
 * name and domain. The session is bound to the credential's project.
 */
export const ApplicationCredentialLoginRequest = z
  .object({
    id: name.optional(),
    name: name.optional(),
    username: name.optional(),
    userDomain: name.default('Default'),
    // Taken exactly as given, like a password.
    secret: z.string().min(1).max(4096),
    region: name.optional(),
  })
  .refine((body) => (body.id === undefined) !== (body.name === undefined), {
    message: 'Give the application credential\'s id, or its name (with the user name), not both',
  })
  .refine((body) => body.name === undefined || body.username !== undefined, {
    message: 'An application credential named by its name needs the user name',
    path: ['username'],
  });
export type ApplicationCredentialLoginInput = z.input<typeof ApplicationCredentialLoginRequest>;

/**
 * Body of POST /api/auth/renew: signing in again before the session's token ends, without leaving the page. The
 * same way in as the session's (a password, or the session's application credential's secret) and the same user;
 * the session keeps its project and region. A password answered with a TOTP challenge goes on with
 * POST /api/auth/renew/totp ({passcode}, as TotpLoginRequest).
 */
export const RenewRequest = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('password'),
    username: name,
    userDomain: name.default('Default'),
    password: z.string().min(1).max(4096),
  }),
  // The credential is the session's own: only its secret is asked for again.
  z.object({ method: z.literal('application_credential'), secret: z.string().min(1).max(4096) }),
]);
export type RenewInput = z.input<typeof RenewRequest>;

/**
 * What POST /api/auth/login answers (200) instead of a session when Keystone wants a TOTP code too (its 401 with an
 * auth receipt): the sign-in goes on with POST /api/auth/login/totp before `expiresAt` (the receipt's end).
 */
export const LoginChallenge = z.object({
  challenge: z.literal('totp'),
  user: z.object({ name: z.string(), domain: z.string() }),
  expiresAt: z.iso.datetime(),
});
export type LoginChallenge = z.infer<typeof LoginChallenge>;

/** Body of POST /api/account/password: Keystone's own-password change, which needs the current password. */
export const ChangePasswordRequest = z.object({
  originalPassword: z.string().min(1).max(4096),
  password: z.string().min(1).max(4096),
});
export type ChangePasswordInput = z.input<typeof ChangePasswordRequest>;

/** Body of POST /api/account/totp/confirm: one code from the authenticator the user just set up. */
export const ConfirmTotpRequest = TotpLoginRequest;
export type ConfirmTotpInput = z.input<typeof ConfirmTotpRequest>;

/**
 * Answer of POST /api/account/totp: a new TOTP secret, made by the BFF and kept in the session until one code
 * confirms it. This answer is the only time it leaves the BFF.
 */
export const TotpEnrollment = z.object({
  /** Base32, as authenticator apps take it when typed. */
  secret: z.string(),
  /** otpauth://totp/... (issuer Zenith, SHA1, 6 digits, 30 s: what Keystone computes). */
  uri: z.string(),
  /** The URI as a QR code: a data: URL of an SVG image. */
  qrCode: z.string(),
  /** The secret is forgotten after this unless confirmed. */
  expiresAt: z.iso.datetime(),
});
export type TotpEnrollment = z.infer<typeof TotpEnrollment>;

/** GET /api/account: the signed-in user as Keystone describes them (what the account page shows). */
export const AccountView = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    domain: z.object({ id: z.string(), name: z.string() }),
    email: z.string().optional(),
    passwordExpiresAt: z.string().nullable(),
    /** Keystone's multi_factor_auth_rules: lists of methods, any of which suffices; empty when none. */
    mfaRules: z.array(z.array(z.string())),
    mfaEnabled: z.boolean(),
  }),
  /** The user's TOTP credentials in Keystone (never their secrets). */
  totpCredentials: z.array(z.object({ id: z.string() })),
});
export type AccountView = z.infer<typeof AccountView>;

/** Body of POST /api/auth/scope: switch project, region, or both. */
export const ScopeRequest = z
  .object({ projectId: name.optional(), region: name.optional() })
  .refine((body) => body.projectId !== undefined || body.region !== undefined, {
    message: 'Give a projectId, a region, or both',
  });
export type ScopeTarget = z.input<typeof ScopeRequest>;

const NamedInDomain = z.object({ id: z.string(), name: z.string(), domain: z.object({ id: z.string(), name: z.string() }) });

/**
 * A service of the session's catalog usable from the browser in its region, with the URL of its endpoint for the
 * session's region and interface: the BFF's proxy sends `/api/os/<type>/<path>` to `<url>/<path>`. Endpoint URLs are
 * not secrets; showing them teaches where each request really goes.
 */
export const CatalogService = z.object({ type: z.string(), name: z.string(), url: z.string() });
export type CatalogService = z.infer<typeof CatalogService>;

/** The answer of login, GET /api/auth/session and scope: what the browser may know about its sign-in. */
export const SessionView = z.object({
  user: NamedInDomain,
  project: NamedInDomain,
  roles: z.array(z.string()),
  region: z.string(),
  regions: z.array(z.string()),
  /** The catalog interface the BFF uses (public, internal or admin), as configured. */
  interface: z.enum(['public', 'internal', 'admin']),
  services: z.array(CatalogService),
  /**
   * How the session was made: Keystone's auth methods of its first token (password; password and totp;
   * application_credential), and the application credential it was made with. An application credential's
   * session is bound to that credential's project: no project switching.
   */
  signIn: z.object({
    methods: z.array(z.string()),
    applicationCredential: z.object({ id: z.string(), name: z.string() }).optional(),
  }),
  /** ISO 8601; the session ends no later than its Keystone token. */
  expiresAt: z.iso.datetime(),
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;
