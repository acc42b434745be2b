/** "4 d 2 h", "3 h 53 min", "12 min": backup ages and targets in messages. */
export function formatAge(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return hours % 24 > 0 ? `${days} d ${hours % 24} h` : `${days} d`;
  if (hours > 0) return minutes % 60 > 0 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${minutes} min`;
}

/** Whole seconds from `at` to `now`; null when there is no time or one is unreadable. */
export function ageSecondsAt(at: string | null, now: string): number | null {
  if (!at) return null;
  const age = Date.parse(now) - Date.parse(at);
  return Number.isNaN(age) ? null : Math.floor(age / 1000);
}
