// The API client speaks JSON through fetch; an image upload needs what fetch cannot give: upload progress
// (XMLHttpRequest's upload events) for a File streamed from disk. Same BFF rules as the client: the CSRF token
// and the scope this page works in.
import { ApiError, apiErrorFromResponse } from '../../../lib/api/api-error';
import { serviceOfPath } from '../../../lib/api/client';

export interface UploadScope {
  csrfToken: string;
  projectId: string;
  region: string;
}

export interface FilePut {
  path: string;
  body: Blob;
  contentType: string;
  scope: UploadScope;
  signal?: AbortSignal;
  onUploadProgress?: (loaded: number, total: number) => void;
}

function headersOf(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const separator = line.indexOf(':');
    if (separator > 0) headers.append(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
  }
  return headers;
}

/** Resolves on a 2xx answer; rejects with an ApiError (the service's message and request id) or an AbortError. */
export function putFile(request: FilePut): Promise<void> {
  const service = serviceOfPath(request.path);
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', request.path);
    xhr.setRequestHeader('Content-Type', request.contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', request.scope.csrfToken);
    xhr.setRequestHeader('X-Zenith-Scope', `${request.scope.projectId}/${encodeURIComponent(request.scope.region)}`);
    const abort = () => xhr.abort();
    request.signal?.addEventListener('abort', abort, { once: true });
    const settle = () => request.signal?.removeEventListener('abort', abort);

    if (request.onUploadProgress) {
      const report = request.onUploadProgress;
      xhr.upload.addEventListener('progress', (event) => report(event.loaded, event.lengthComputable ? event.total : 0));
    }
    xhr.addEventListener('load', () => {
      settle();
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve();
        return;
      }
      const response = new Response(xhr.responseText, { status: xhr.status, headers: headersOf(xhr) });
      void apiErrorFromResponse(response, service).then(reject);
    });
    xhr.addEventListener('error', () => {
      settle();
      reject(new ApiError(0, service, 'The connection to Zenith was lost during the request'));
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    });
    xhr.send(request.body);
  });
}
