import type { AppRouter } from '@antoan/api';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';

export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Bad input and missing records will not get better by asking again.
        retry: (failureCount, error) =>
          !(error instanceof TRPCClientError && [400, 403, 404].includes((error.data as { httpStatus?: number } | undefined)?.httpStatus ?? 0)) &&
          failureCount < 2,
      },
    },
  });
}

export function createClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc' })] });
}
