/**
 * Words for Graph's enum values, as people read them: `published` → "Published", `userManaged` → "User managed".
 * The known values of the catalog's state and type (docs/graph-contract.md §3.1) have their own; any other value
 * (a new one Graph adds) is split at its capitals rather than shown raw.
 */
const known: Record<string, string> = {
  published: 'Published',
  unpublished: 'Unpublished',
  userManaged: 'User managed',
  serviceDefault: 'Service default',
  serviceManaged: 'Service managed',
  unknownFutureValue: 'Unknown',
};

export function enumLabel(value: string | null | undefined): string {
  if (!value) return '—';
  const label = known[value];
  if (label) return label;
  const words = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLocaleLowerCase();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}
