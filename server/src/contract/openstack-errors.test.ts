// Error bodies in the shapes each service's API reference documents.
import { describe, expect, it } from 'vitest';
import { parseErrorBody } from './openstack-errors.js';

describe('parseErrorBody', () => {
  it('reads Nova fault wrappers', () => {
    expect(
      parseErrorBody('{"itemNotFound": {"code": 404, "message": "Instance abc could not be found."}}', 'application/json'),
    ).toEqual({ message: 'Instance abc could not be found.' });
    expect(parseErrorBody('{"badRequest": {"code": 400, "message": "Invalid flavorRef provided."}}', 'application/json'))
      .toMatchObject({ message: 'Invalid flavorRef provided.' });
    expect(
      parseErrorBody(
        '{"forbidden": {"code": 403, "message": "Policy doesn\'t allow os_compute_api:servers:create to be performed."}}',
        'application/json',
      ).message,
    ).toBe("Policy doesn't allow os_compute_api:servers:create to be performed.");
    expect(parseErrorBody('{"computeFault": {"code": 500, "message": "Unexpected API Error."}}', 'application/json').message)
      .toBe('Unexpected API Error.');
  });

  it('reads Cinder fault wrappers', () => {
    expect(
      parseErrorBody('{"overLimit": {"code": 413, "message": "VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded", "retryAfter": "0"}}', 'application/json').message,
    ).toBe('VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded');
  });

  it('reads Neutron errors, old and new', () => {
    expect(
      parseErrorBody(
        '{"NeutronError": {"type": "NetworkNotFound", "message": "Network 42 could not be found.", "detail": ""}}',
        'application/json',
      ),
    ).toEqual({ message: 'Network 42 could not be found.' });
    expect(parseErrorBody('{"NeutronError": "Quota exceeded for resources: [\'port\']."}', 'application/json').message)
      .toBe("Quota exceeded for resources: ['port'].");
  });

  it('reads Keystone errors', () => {
    expect(
      parseErrorBody(
        '{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}',
        'application/json',
      ),
    ).toEqual({ message: 'The request you have made requires authentication.' });
  });

  it("reads the BFF's own errors with their request id and code", () => {
    expect(
      parseErrorBody(
        '{"error": {"message": "Your session has ended", "status": 401, "requestId": "req-1", "code": "session_ended"}}',
        'application/json; charset=utf-8',
      ),
    ).toEqual({ message: 'Your session has ended', requestId: 'req-1', code: 'session_ended' });
  });

  it('reads Heat errors, preferring the specific message over the explanation', () => {
    const heat =
      '{"explanation": "The resource could not be found.", "code": 404, "error": {"message": "The Stack (web) could not be found.", "traceback": null, "type": "EntityNotFound"}, "title": "Not Found"}';
    expect(parseErrorBody(heat, 'application/json').message).toBe('The Stack (web) could not be found.');
    const heatWithoutMessage = '{"explanation": "The server could not comply.", "code": 400, "error": {"type": "X"}, "title": "Bad Request"}';
    expect(parseErrorBody(heatWithoutMessage, 'application/json').message).toBe('The server could not comply.');
  });

  it('reads Placement errors with their request id', () => {
    expect(
      parseErrorBody(
        '{"errors": [{"status": 404, "title": "Not Found", "detail": "No resource provider with uuid x found", "request_id": "req-p", "code": "placement.undefined_code"}]}',
        'application/json',
      ),
    ).toEqual({ message: 'No resource provider with uuid x found', requestId: 'req-p' });
  });

  it('reads Ironic and Octavia faultstrings', () => {
    expect(
      parseErrorBody('{"error_message": "{\\"faultstring\\": \\"Node n1 could not be found.\\", \\"debuginfo\\": null}"}', 'application/json').message,
    ).toBe('Node n1 could not be found.');
    expect(parseErrorBody('{"faultcode": "Client", "faultstring": "Load Balancer lb is immutable.", "debuginfo": null}', 'application/json').message)
      .toBe('Load Balancer lb is immutable.');
  });

  it("drops the HTML Glance puts inside its JSON messages", () => {
    const body =
      '{"message": "You are not authorized to complete publicize_image action.<br /><br />\\n\\n\\n", "code": "403 Forbidden", "title": "Forbidden"}';
    expect(parseErrorBody(body, 'application/json')).toEqual({
      message: 'You are not authorized to complete publicize_image action.',
    });
  });

  it("reads Glance's HTML pages without the repeated status line", () => {
    const glance =
      '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 8f1c&amp;2<br /><br />\n\n\n </body>\n</html>';
    expect(parseErrorBody(glance, 'text/html; charset=UTF-8')).toEqual({ message: 'No image found with ID 8f1c&2' });
  });

  it('reads webob plain-text errors', () => {
    expect(parseErrorBody('403 Forbidden\n\nYou are not authorized to complete publicize_image action.\n\n   ', 'text/plain').message)
      .toBe('You are not authorized to complete publicize_image action.');
    expect(parseErrorBody('Service Unavailable', 'text/plain').message).toBe('Service Unavailable');
  });

  it('reads JSON sent with a text content type, and JSON strings', () => {
    expect(parseErrorBody('{"message": "Bad things"}', 'text/plain').message).toBe('Bad things');
    expect(parseErrorBody('"Just a string"', 'application/json').message).toBe('Just a string');
  });

  it('gives nothing for empty or message-less bodies', () => {
    expect(parseErrorBody('', 'application/json')).toEqual({});
    expect(parseErrorBody('{}', 'application/json')).toEqual({});
    expect(parseErrorBody('{"foo": {"bar": 1}}', 'application/json')).toEqual({});
  });

  it('shortens huge messages', () => {
    const message = parseErrorBody('x'.repeat(5000), 'text/plain').message ?? '';
    expect(message.length).toBeLessThan(2100);
    expect(message.endsWith('…')).toBe(true);
  });
});
