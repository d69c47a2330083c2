/**
 * The most calls one batched request may carry: the server refuses a larger batch before running any call,
 * and the SPA's batch link never sends more. A batch counts as its calls everywhere else (sign-in limits,
 * attempts on an account).
 *
 * @example
 * ```ts
 * httpBatchStreamLink({ url: '/trpc', maxItems: MAX_BATCH_CALLS });
 * ```
 */
export const MAX_BATCH_CALLS = 20;
