// Reads an error response body whichever OpenStack service (or the BFF) wrote it, so that the user always
// gets the service's own words. Shared by the BFF (Keystone's answers, an upstream 401) and the SPA (every
// failed call). No zod here on purpose: this module is in the SPA's first chunk.

export interface ParsedErrorBody {
  message?: string;
  requestId?: string;
  /** The BFF's machine-readable reason (no_session, session_ended, csrf...), when it gave one. */
  code?: string;
}

type JsonObject = Record<string, unknown>;

const longestMessage = 2000;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `{ message, code?, requestId? }` as the BFF, Keystone and Heat write it inside `error`. */
function fromErrorObject(error: JsonObject): ParsedErrorBody {
  return {
    message: nonEmptyString(error.message),
    requestId: nonEmptyString(error.requestId),
    // Keystone puts its HTTP status (a number) in `code`: only the BFF's string codes are reasons.
    code: nonEmptyString(error.code),
  };
}

function fromJson(body: unknown): ParsedErrorBody {
  if (typeof body === 'string') return { message: nonEmptyString(body) };
  if (!isObject(body)) return {};

  // The BFF `{error:{message,status,requestId,code}}`, Keystone `{error:{message,code,title}}`,
  // Heat `{explanation, error:{message,type}, title}` (its error message is the specific one).
  if (isObject(body.error)) {
    const parsed = fromErrorObject(body.error);
    if (parsed.message) return parsed;
    return { ...parsed, message: nonEmptyString(body.explanation) ?? nonEmptyString(body.title) };
  }
  if (typeof body.error === 'string') return { message: nonEmptyString(body.error) };

  // Neutron: `{NeutronError:{type,message,detail}}`; very old releases sent the message as a plain string.
  if ('NeutronError' in body) {
    const neutron = body.NeutronError;
    return { message: isObject(neutron) ? nonEmptyString(neutron.message) : nonEmptyString(neutron) };
  }

  // Placement (API-WG errors guideline): `{errors:[{status,title,detail,request_id,code}]}`.
  if (Array.isArray(body.errors)) {
    const first: unknown = body.errors[0];
    if (isObject(first)) {
      return {
        message: nonEmptyString(first.detail) ?? nonEmptyString(first.title),
        requestId: nonEmptyString(first.request_id),
      };
    }
  }

  // Ironic: `{error_message: "<JSON with faultstring>"}`.
  if (typeof body.error_message === 'string') {
    const inner = tryParseJson(body.error_message);
    if (isObject(inner)) return { message: nonEmptyString(inner.faultstring) ?? nonEmptyString(body.error_message) };
    return { message: nonEmptyString(body.error_message) };
  }

  // Octavia/WSME `{faultstring}`, Barbican `{title, description}`, and the generic shapes.
  const flat =
    nonEmptyString(body.faultstring) ??
    nonEmptyString(body.message) ??
    nonEmptyString(body.description) ??
    nonEmptyString(body.detail) ??
    nonEmptyString(body.explanation);
  if (flat) return { message: flat };

  // Nova and Cinder wrap the fault in a key naming it: `{itemNotFound:{message,code}}`, `{badRequest:...}`,
  // `{forbidden:...}`, `{conflictingRequest:...}`, `{overLimit:...}`, `{computeFault:...}`...
  for (const value of Object.values(body)) {
    if (isObject(value)) {
      const message = nonEmptyString(value.message) ?? nonEmptyString(value.explanation);
      if (message) return { message };
    }
  }
  return {};
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => entities[name] ?? '');
}

/**
 * Plain text and HTML error pages (webob, as in Glance and Swift, or a proxy in front of the cloud): the text
 * without markup, without the "404 Not Found" status line repeated before the explanation.
 */
function fromText(text: string): ParsedErrorBody {
  const withoutMarkup = text
    .replace(/<head[\s\S]*?<\/head>/gi, '\n')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<[^>]*>/g, '\n');
  const lines = decodeEntities(withoutMarkup)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  if (lines.length > 1 && /^\d{3} [A-Za-z]/.test(lines[0] ?? '')) lines.shift();
  return { message: nonEmptyString(lines.join(' ')) };
}

/** Reads an error response body, whichever OpenStack service (or the BFF) wrote it. */
export function parseErrorBody(text: string, contentType: string | null | undefined): ParsedErrorBody {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const looksJson = contentType?.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('"');
  const json = looksJson ? tryParseJson(trimmed) : undefined;
  const parsed = json === undefined ? fromText(trimmed) : fromJson(json);
  // Glance puts webob's HTML explanation (with <br />) inside its JSON message.
  if (json !== undefined && parsed.message && /<\/?[a-z][^>]*>/i.test(parsed.message)) {
    parsed.message = fromText(parsed.message).message;
  }
  if (parsed.message && parsed.message.length > longestMessage) {
    parsed.message = `${parsed.message.slice(0, longestMessage)}…`;
  }
  return parsed;
}
