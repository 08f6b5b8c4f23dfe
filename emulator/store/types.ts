/** The emulated tenant's data. Dates are ISO 8601 strings in UTC with milliseconds. */

export type CatalogRole = 'owner' | 'reader';

export interface User {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle?: string;
  /** Catalog id → the user's catalog role. */
  catalogRoles: Record<string, CatalogRole>;
}

export interface Catalog {
  id: string;
  displayName: string;
  description: string;
  catalogType: string;
  state: string;
  isExternallyVisible: boolean;
  createdDateTime: string;
  modifiedDateTime: string;
  createdBy: string;
  modifiedBy: string;
}

export interface LogicAppEndpoint {
  logicAppWorkflowName: string;
  resourceGroupName: string;
  subscriptionId: string;
  url: string;
}

export interface Resource {
  id: string;
  catalogId: string;
  displayName: string;
  description: string;
  originId: string;
  originSystem: string;
  resourceType: string;
  url?: string;
  createdDateTime: string;
  modifiedDateTime: string;
  addedBy: string;
  /** Only custom data provided resources have one. */
  notificationEndpointConfiguration?: LogicAppEndpoint;
}

export interface Identity {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export interface ReviewDefinition {
  id: string;
  catalogId: string;
  displayName: string;
  descriptionForAdmins: string;
  descriptionForReviewers: string;
  status: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: Identity;
}

export interface ReviewInstance {
  id: string;
  definitionId: string;
  /** As stored; read through `Store.instanceStatus`, which moves NotStarted → Initializing → Active by the clock. */
  status: string;
  startDateTime: string;
  endDateTime: string;
}

export const uploadStatuses = ['active', 'complete', 'expired', 'unknownFutureValue'] as const;
export type UploadStatus = (typeof uploadStatuses)[number];

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  uploadedDateTime: string;
  /** Column names of the header row, when the emulator received the file itself. */
  header?: string[];
  /** SHA-256 of the file's bytes (hex), computed while it streamed in, so tests can compare the exact file received. */
  sha256?: string;
}

export interface UploadSession {
  id: string;
  catalogId: string;
  resourceId: string;
  definitionId: string;
  instanceId: string;
  createdDateTime: string;
  /** As stored; an active session whose upload window has ended reads as expired. */
  status: UploadStatus;
  files: UploadedFile[];
}

export interface TenantData {
  users: User[];
  catalogs: Catalog[];
  resources: Resource[];
  definitions: ReviewDefinition[];
  instances: ReviewInstance[];
  sessions: UploadSession[];
}

export const customDataOriginSystem = 'CustomDataProvidedResource';
