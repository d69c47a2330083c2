// The router's declarations (packages/api builds them): the SPA sees the API's types without its Node code.
import type { AppRouter } from '@antoan/api/types';
import { MAX_BATCH_CALLS } from '@antoan/core';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { httpStatusOf } from './errors.js';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createQueryClient(): QueryClient {
  // An expired session (401 on any call): ask who is signed in again, which shows the login form. Forms keep
  // their drafts in sessionStorage, so nothing typed is lost.
  const onError = (error: unknown, key?: readonly unknown[]) => {
    if (httpStatusOf(error) === 401 && key?.[0]?.toString() !== 'auth,me') {
      void queryClient.invalidateQueries({ queryKey: [['auth', 'me']] });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Bad input and missing records will not get better by asking again.
        retry: (failureCount, error) => ![400, 401, 403, 404].includes(httpStatusOf(error)) && failureCount < 2,
      },
    },
  });
  return queryClient;
}

/**
 * Queries go in streamed batches (each answer arrives as soon as it is ready, so a quick figure never waits
 * for a slow one asked at the same time); mutations one per request (an import's large body goes to its own
 * URL, which the server allows 15 MB) and unstreamed, since they may set the session cookie. (A batch of one
 * rather than httpLink: httpLink posts no body for a mutation without input, which tRPC 11.22 refuses.)
 */
export function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'query',
        true: httpBatchStreamLink({ url: '/trpc', maxItems: MAX_BATCH_CALLS }),
        false: httpBatchLink({ url: '/trpc', maxItems: 1 }),
      }),
    ],
  });
}
