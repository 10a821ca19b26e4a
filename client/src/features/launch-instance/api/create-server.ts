// POST /servers with the wizard's choices; the new server is then watched so the instances list shows it at
// once and polls it (and only it) until it is ACTIVE or ERROR.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionRequest } from '../../../lib/actions/types';
import { api } from '../../../lib/api/client';
import { useScope } from '../../../lib/scope';
import { watchServer } from '../../../resources/servers/server-watch';
import { serverKeys, serversPath } from '../../../resources/servers/servers';
import { buildServerCreateRequest, serverCreateMicroversion, type ServerCreateChoices } from '../model/server-create';
import { encodeUserData } from '../model/user-data';

/** Nova answers 202 with the (first) new server's id and, unless the cloud hides it, its admin password. */
interface ServerCreateResponse {
  server: { id: string };
}

/** The call as the HTTP view shows it: the body, microversion and path createServer sends. */
export function serverCreateActionRequest(choices: ServerCreateChoices): ActionRequest<ServerCreateResponse> {
  return { method: 'POST', path: serversPath, body: buildServerCreateRequest(choices, encodeUserData), microversion: serverCreateMicroversion };
}

export async function createServer(choices: ServerCreateChoices): Promise<string> {
  const request = serverCreateActionRequest(choices);
  const { server } = await api.post<ServerCreateResponse>(request.path, request.body, { microversion: request.microversion });
  return server.id;
}

export function useCreateServer() {
  const scope = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServer,
    onSuccess: async (id) => {
      watchServer(id);
      await queryClient.invalidateQueries({ queryKey: serverKeys.all(scope) });
    },
  });
}
