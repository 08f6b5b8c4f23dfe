import { randomUUID } from 'node:crypto';
import type {
  Catalog,
  Resource,
  ReviewDefinition,
  ReviewInstance,
  TenantData,
  UploadedFile,
  UploadSession,
  UploadStatus,
  User,
} from './types';

/**
 * The in-memory tenant. Time-dependent states (an instance's upload window closing, a session expiring) are
 * evaluated when read, with the injectable clock, so tests can move time without timers.
 */
export class Store {
  constructor(
    private data: TenantData,
    private readonly now: () => Date,
    private readonly uploadWindowMinutes: number,
  ) {}

  replace(data: TenantData): void {
    this.data = data;
  }

  get users(): readonly User[] {
    return this.data.users;
  }

  userById(id: string): User | undefined {
    return this.data.users.find((u) => u.id === id);
  }

  userByName(userPrincipalName: string): User | undefined {
    const wanted = userPrincipalName.toLowerCase();
    return this.data.users.find((u) => u.userPrincipalName.toLowerCase() === wanted);
  }

  get catalogs(): readonly Catalog[] {
    return this.data.catalogs;
  }

  catalog(id: string): Catalog | undefined {
    return this.data.catalogs.find((c) => c.id === id);
  }

  resourcesOf(catalogId: string): Resource[] {
    return this.data.resources.filter((r) => r.catalogId === catalogId);
  }

  resource(catalogId: string, id: string): Resource | undefined {
    return this.data.resources.find((r) => r.catalogId === catalogId && r.id === id);
  }

  get definitions(): readonly ReviewDefinition[] {
    return this.data.definitions;
  }

  definition(id: string): ReviewDefinition | undefined {
    return this.data.definitions.find((d) => d.id === id);
  }

  instancesOf(definitionId: string): ReviewInstance[] {
    return this.data.instances.filter((i) => i.definitionId === definitionId);
  }

  instance(id: string): ReviewInstance | undefined {
    return this.data.instances.find((i) => i.id === id);
  }

  /** The upload window: from the moment the instance began initializing (its startDateTime). */
  uploadWindowEnd(instance: ReviewInstance): Date {
    return new Date(Date.parse(instance.startDateTime) + this.uploadWindowMinutes * 60_000);
  }

  /** Whether the instance has begun: NotStarted and Initializing instances begin at their startDateTime. */
  private hasStarted(instance: ReviewInstance): boolean {
    return this.now().getTime() >= Date.parse(instance.startDateTime);
  }

  isUploadWindowOpen(instance: ReviewInstance): boolean {
    return this.instanceStatus(instance) === 'Initializing';
  }

  /**
   * The status as Entra would report it now, by the clock (docs/graph-contract.md §5.4): a NotStarted instance
   * starts Initializing at its startDateTime, and an Initializing one moves on to Active when its upload window
   * ends. Other statuses are kept as stored.
   */
  instanceStatus(instance: ReviewInstance): string {
    const waiting = instance.status === 'NotStarted' || instance.status === 'Initializing';
    if (!waiting) return instance.status;
    if (instance.status === 'NotStarted' && !this.hasStarted(instance)) return 'NotStarted';
    return this.now() < this.uploadWindowEnd(instance) ? 'Initializing' : 'Active';
  }

  sessionsOf(resourceId: string): UploadSession[] {
    return this.data.sessions.filter((s) => s.resourceId === resourceId);
  }

  session(resourceId: string, id: string): UploadSession | undefined {
    return this.data.sessions.find((s) => s.resourceId === resourceId && s.id === id);
  }

  sessionStatus(session: UploadSession): UploadStatus {
    if (session.status !== 'active') return session.status;
    const instance = this.instance(session.instanceId);
    return instance && this.now() >= this.uploadWindowEnd(instance) ? 'expired' : 'active';
  }

  addSession(resource: Resource, instance: ReviewInstance): UploadSession {
    const session: UploadSession = {
      id: randomUUID(),
      catalogId: resource.catalogId,
      resourceId: resource.id,
      definitionId: instance.definitionId,
      instanceId: instance.id,
      createdDateTime: this.now().toISOString(),
      status: 'active',
      files: [],
    };
    this.data.sessions.push(session);
    return session;
  }

  addFile(session: UploadSession, file: Omit<UploadedFile, 'id' | 'uploadedDateTime'>): UploadedFile {
    const stored: UploadedFile = { id: randomUUID(), uploadedDateTime: this.now().toISOString(), ...file };
    session.files.push(stored);
    return stored;
  }

  completeSession(session: UploadSession): void {
    session.status = 'complete';
  }

  deleteSession(session: UploadSession): void {
    this.data.sessions = this.data.sessions.filter((s) => s !== session);
  }

  /** Everything, with effective statuses, for /_emulator/state. */
  snapshot() {
    return {
      users: this.data.users,
      catalogs: this.data.catalogs,
      resources: this.data.resources,
      definitions: this.data.definitions,
      instances: this.data.instances.map((i) => ({
        ...i,
        status: this.instanceStatus(i),
        uploadWindowEndDateTime: this.uploadWindowEnd(i).toISOString(),
      })),
      sessions: this.data.sessions.map((s) => ({ ...s, status: this.sessionStatus(s), stats: stats(s) })),
    };
  }
}

export function stats(session: UploadSession): { filesUploaded: number; totalBytesUploaded: number } {
  return {
    filesUploaded: session.files.length,
    totalBytesUploaded: session.files.reduce((sum, f) => sum + f.size, 0),
  };
}
