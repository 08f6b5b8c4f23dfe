import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { generateFiles } from './generate-files';
import { seedSchema } from './seed-schema';
import type { Seed } from './seed-schema';
import { resolveSeedTime } from './seed-time';
import { customDataOriginSystem } from './types';
import type { TenantData, UploadSession } from './types';

const defaultCreator = { id: '00000000-0000-0000-0000-000000000000', displayName: 'Tenant administrator', userPrincipalName: 'admin@contoso.example' };
const generatedSpanMs = 100 * 60_000;

/**
 * Reads, validates and resolves a seed file; relative times are resolved against `now`. `extraResources` adds that many
 * custom data provided resources (`addGeneratedResources`).
 */
export function loadSeed(path: string, now: Date, extraResources = 0): TenantData {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the seed file ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = seedSchema.safeParse(json);
  if (!parsed.success) throw new Error(`The seed file ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  try {
    const data = resolveSeed(parsed.data, now);
    addGeneratedResources(data, extraResources);
    checkReferences(data);
    return data;
  } catch (error) {
    throw new Error(`The seed file ${path} is inconsistent: ${(error as Error).message}`, { cause: error });
  }
}

function resolveSeed(seed: Seed, now: Date): TenantData {
  const at = (value: string) => resolveSeedTime(value, now);
  const data: TenantData = {
    users: seed.users.map((u) => ({ ...u, catalogRoles: { ...u.catalogRoles } })),
    catalogs: seed.catalogs.map((c) => ({
      ...c,
      createdDateTime: at(c.createdDateTime),
      modifiedDateTime: at(c.modifiedDateTime),
      modifiedBy: c.modifiedBy ?? c.createdBy,
    })),
    resources: seed.resources.map((r) => ({
      ...r,
      createdDateTime: at(r.createdDateTime),
      modifiedDateTime: at(r.modifiedDateTime ?? r.createdDateTime),
    })),
    definitions: seed.accessReviews.map(({ instances: _instances, ...d }) => ({
      ...d,
      createdDateTime: at(d.createdDateTime),
      lastModifiedDateTime: at(d.lastModifiedDateTime ?? d.createdDateTime),
      createdBy: d.createdBy ?? defaultCreator,
    })),
    instances: seed.accessReviews.flatMap((d) =>
      d.instances.map((i) => ({ ...i, definitionId: d.id, startDateTime: at(i.startDateTime), endDateTime: at(i.endDateTime) })),
    ),
    sessions: [],
  };
  data.sessions = seed.uploadSessions.map((s): UploadSession => {
    const resource = data.resources.find((r) => r.id === s.resourceId);
    const instance = data.instances.find((i) => i.id === s.reviewInstanceId);
    if (!resource) throw new Error(`upload session ${s.id}: no resource '${s.resourceId}'.`);
    if (!instance) throw new Error(`upload session ${s.id}: no review instance '${s.reviewInstanceId}'.`);
    const createdDateTime = at(s.createdDateTime);
    const files = s.files.map((f) => ({ ...f, uploadedDateTime: at(f.uploadedDateTime) }));
    if (s.generateFiles) {
      files.push(...generateFiles(s.generateFiles.count, s.generateFiles.seed, new Date(createdDateTime), generatedSpanMs));
    }
    return {
      id: s.id,
      catalogId: resource.catalogId,
      resourceId: resource.id,
      definitionId: instance.definitionId,
      instanceId: instance.id,
      createdDateTime,
      status: s.status,
      files,
    };
  });
  return data;
}

/**
 * `count` more custom data provided resources, for a catalog page with many of them (the latency bench): copies of the
 * seed's first one, in its catalog, named "Generated resource 1" on, with fixed ids (b0000000-…-000000000001 on, origin
 * c0000000-…) and no upload sessions.
 */
export function addGeneratedResources(data: TenantData, count: number): void {
  if (count === 0) return;
  const template = data.resources.find((r) => r.originSystem === customDataOriginSystem);
  if (!template) throw new Error('extra resources need a custom data provided resource to copy, and the seed has none.');
  for (let n = 1; n <= count; n++) {
    const suffix = String(n).padStart(12, '0');
    data.resources.push({ ...template, id: `b0000000-0000-4000-8000-${suffix}`, originId: `c0000000-0000-4000-8000-${suffix}`, displayName: `Generated resource ${n}` });
  }
}

function checkReferences(data: TenantData): void {
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new Error(`${what} '${id}' appears twice.`);
      seen.add(id);
    }
  };
  unique('user id', data.users.map((u) => u.id));
  unique('userPrincipalName', data.users.map((u) => u.userPrincipalName.toLowerCase()));
  unique('catalog id', data.catalogs.map((c) => c.id));
  unique('resource id', data.resources.map((r) => r.id));
  unique('access review id', data.definitions.map((d) => d.id));
  unique('review instance id', data.instances.map((i) => i.id));
  unique('upload session id', data.sessions.map((s) => s.id));
  const catalogIds = new Set(data.catalogs.map((c) => c.id));
  const needCatalog = (where: string, id: string) => {
    if (!catalogIds.has(id)) throw new Error(`${where}: no catalog '${id}'.`);
  };
  for (const user of data.users) for (const id of Object.keys(user.catalogRoles)) needCatalog(`user ${user.userPrincipalName}`, id);
  for (const resource of data.resources) needCatalog(`resource ${resource.id}`, resource.catalogId);
  for (const definition of data.definitions) needCatalog(`access review ${definition.id}`, definition.catalogId);
  const blocking = new Set<string>();
  for (const session of data.sessions) {
    const resource = data.resources.find((r) => r.id === session.resourceId);
    const definition = data.definitions.find((d) => d.id === session.definitionId);
    if (resource?.originSystem !== customDataOriginSystem) {
      throw new Error(`upload session ${session.id}: resource '${session.resourceId}' is not a custom data provided resource.`);
    }
    if (definition?.catalogId !== resource.catalogId) {
      throw new Error(`upload session ${session.id}: review instance '${session.instanceId}' is not a review of the resource's catalog.`);
    }
    if (session.status === 'active' || session.status === 'complete') {
      const pair = `${session.instanceId}/${session.resourceId}`;
      if (blocking.has(pair)) throw new Error(`upload session ${session.id}: a second active or complete session for instance and resource ${pair}.`);
      blocking.add(pair);
    }
  }
}
