// Vietnam has used UTC+7 without daylight saving since 1975.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's ISO date in Asia/Ho_Chi_Minh. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
