// The router's declarations (packages/api builds them): the SPA sees the API's types without its Node code.
import type { AppRouter } from '@antoan/api/types';
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';

export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const httpStatusOf = (error: unknown) =>
  error instanceof TRPCClientError ? ((error.data as { httpStatus?: number } | undefined)?.httpStatus ?? 0) : 0;

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // An expired session: ask who is signed in again, which shows the login form.
      onError: (error, query) => {
        if (httpStatusOf(error) === 401 && query.queryKey[0]?.toString() !== 'auth,me') {
          void queryClient.invalidateQueries({ queryKey: [['auth', 'me']] });
        }
      },
    }),
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

export function createClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc' })] });
}
