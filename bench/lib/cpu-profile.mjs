// A V8 CPU profile (the DevTools protocol's Profiler.stop answer), summed up by function: where a bench's time went.

/** The `top` functions by self time, as "12.3 % name file:line" lines, largest first. */
export function heaviestFunctions(profile, top = 15) {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map();
  profile.samples.forEach((nodeId, index) => {
    const frame = frames.get(nodeId);
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${((us / total) * 100).toFixed(1)} % ${key}`);
}
