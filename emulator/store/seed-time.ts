const relativePattern = /^([+-])((?:\d+(?:\.\d+)?[dhms])+)$/;
const unitMs: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/**
 * Seed times are either absolute ISO 8601 or relative to the moment the seed is loaded: "now", "-15m", "+7d",
 * "-3d4h30m". Relative times keep the demo's upload windows open whenever the emulator starts.
 */
export function resolveSeedTime(value: string, now: Date): string {
  if (value === 'now') return now.toISOString();
  const relative = relativePattern.exec(value);
  if (relative) {
    const [, sign, parts = ''] = relative;
    let offset = 0;
    for (const [, amount, unit] of parts.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)) {
      offset += Number(amount) * (unitMs[unit ?? 's'] ?? 0);
    }
    return new Date(now.getTime() + (sign === '-' ? -offset : offset)).toISOString();
  }
  const absolute = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(absolute)) return new Date(absolute).toISOString();
  throw new Error(`'${value}' is not a seed time: use ISO 8601 or a relative time like "-15m", "+7d", "-3d4h".`);
}
