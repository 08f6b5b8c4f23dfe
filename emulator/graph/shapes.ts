import type { Store } from '../store/store';
import { stats } from '../store/store';
import type { Catalog, Resource, ReviewDefinition, ReviewInstance, UploadedFile, UploadSession } from '../store/types';
import { customDataOriginSystem } from '../store/types';
import type { ApiVersion } from './router';

/** JSON of Graph entities, per API version. `@odata.type` always stays, even under $select. */
type Json = Record<string, unknown>;

export const sessionType = '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession';
export const contextDataType = '#microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextData';

export const catalogProperties: Record<ApiVersion, readonly string[]> = {
  'v1.0': ['id', 'displayName', 'description', 'catalogType', 'state', 'isExternallyVisible', 'createdDateTime', 'modifiedDateTime'],
  beta: ['id', 'displayName', 'description', 'catalogType', 'catalogStatus', 'isExternallyVisible', 'createdBy', 'createdDateTime', 'modifiedBy', 'modifiedDateTime'],
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function catalogJson(catalog: Catalog, version: ApiVersion): Json {
  const common = {
    id: catalog.id,
    displayName: catalog.displayName,
    description: catalog.description,
    isExternallyVisible: catalog.isExternallyVisible,
    createdDateTime: catalog.createdDateTime,
    modifiedDateTime: catalog.modifiedDateTime,
  };
  if (version === 'v1.0') return { ...common, catalogType: catalog.catalogType, state: catalog.state };
  // Beta keeps the older string shapes: "UserManaged", "Published", createdBy/modifiedBy.
  return {
    ...common,
    catalogType: capitalize(catalog.catalogType),
    catalogStatus: capitalize(catalog.state),
    createdBy: catalog.createdBy,
    modifiedBy: catalog.modifiedBy,
  };
}

export const resourceProperties: Record<ApiVersion, readonly string[]> = {
  'v1.0': ['id', 'displayName', 'description', 'originId', 'originSystem', 'attributes', 'createdDateTime', 'modifiedDateTime', 'notificationEndpointConfiguration'],
  beta: ['id', 'displayName', 'description', 'originId', 'originSystem', 'resourceType', 'url', 'isPendingOnboarding', 'addedBy', 'addedOn', 'attributes', 'notificationEndpointConfiguration'],
};

export function isCustomDataResource(resource: Resource): boolean {
  return resource.originSystem === customDataOriginSystem;
}

export function resourceJson(resource: Resource, version: ApiVersion): Json {
  const custom = isCustomDataResource(resource);
  const json: Json = {
    '@odata.type': custom ? '#microsoft.graph.customDataProvidedResource' : '#microsoft.graph.accessPackageResource',
    id: resource.id,
    displayName: resource.displayName,
    description: resource.description,
    originId: resource.originId,
    originSystem: resource.originSystem,
    attributes: [],
  };
  if (version === 'v1.0') {
    json.createdDateTime = resource.createdDateTime;
    json.modifiedDateTime = resource.modifiedDateTime;
  } else {
    Object.assign(json, {
      resourceType: resource.resourceType,
      url: resource.url ?? null,
      isPendingOnboarding: false,
      addedBy: resource.addedBy,
      addedOn: resource.createdDateTime,
    });
  }
  if (resource.notificationEndpointConfiguration) {
    json.notificationEndpointConfiguration = {
      '@odata.type': '#microsoft.graph.logicAppTriggerEndpointConfiguration',
      ...resource.notificationEndpointConfiguration,
    };
  }
  return json;
}

export const sessionProperties: readonly string[] = ['id', 'createdDateTime', 'data', 'isUploadDone', 'referenceId', 'stats', 'status'];

function fileJson(file: UploadedFile): Json {
  return { id: file.id, name: file.name, size: file.size, uploadedDateTime: file.uploadedDateTime };
}

/** `files` is present only when expanded (or after create, PATCH and uploadFile, as in the docs' examples). */
export function sessionJson(store: Store, session: UploadSession, files?: readonly UploadedFile[]): Json {
  const status = store.sessionStatus(session);
  const json: Json = {
    '@odata.type': sessionType,
    id: session.id,
    createdDateTime: session.createdDateTime,
    isUploadDone: session.status === 'complete',
    referenceId: session.instanceId,
    status,
    data: { '@odata.type': contextDataType, reviewDefinitionId: session.definitionId, reviewInstanceId: session.instanceId },
    stats: stats(session),
  };
  if (files) json.files = files.map(fileJson);
  return json;
}

function catalogScope(catalogId: string): Json {
  return {
    '@odata.type': '#microsoft.graph.principalResourceMembershipsScope',
    principalScopes: [{ '@odata.type': '#microsoft.graph.accessReviewQueryScope', query: '/users', queryType: 'MicrosoftGraph', queryRoot: null }],
    resourceScopes: [{ '@odata.type': '#microsoft.graph.accessReviewResourceScope', resourceId: catalogId, scopeType: 'catalog' }],
  };
}

const managerReviewers = [{ query: './manager', queryType: 'MicrosoftGraph', queryRoot: 'decisions' }];

export const definitionProperties: readonly string[] = [
  'id', 'displayName', 'descriptionForAdmins', 'descriptionForReviewers', 'createdBy', 'createdDateTime',
  'lastModifiedDateTime', 'status', 'scope', 'instanceEnumerationScope', 'reviewers', 'fallbackReviewers',
  'additionalNotificationRecipients', 'settings', 'stageSettings',
];

export function definitionJson(definition: ReviewDefinition): Json {
  return {
    id: definition.id,
    displayName: definition.displayName,
    descriptionForAdmins: definition.descriptionForAdmins,
    descriptionForReviewers: definition.descriptionForReviewers,
    createdBy: definition.createdBy,
    createdDateTime: definition.createdDateTime,
    lastModifiedDateTime: definition.lastModifiedDateTime,
    status: definition.status,
    scope: catalogScope(definition.catalogId),
    instanceEnumerationScope: null,
    reviewers: managerReviewers,
    fallbackReviewers: [],
    additionalNotificationRecipients: [],
    settings: {
      mailNotificationsEnabled: true,
      reminderNotificationsEnabled: true,
      justificationRequiredOnApproval: true,
      defaultDecisionEnabled: false,
      defaultDecision: 'None',
      instanceDurationInDays: 14,
      autoApplyDecisionsEnabled: false,
      recommendationsEnabled: false,
    },
    stageSettings: [],
  };
}

export const instanceProperties: readonly string[] = ['id', 'startDateTime', 'endDateTime', 'status', 'scope', 'reviewers', 'fallbackReviewers'];

export function instanceJson(store: Store, instance: ReviewInstance, definition: ReviewDefinition): Json {
  return {
    id: instance.id,
    startDateTime: instance.startDateTime,
    endDateTime: instance.endDateTime,
    status: store.instanceStatus(instance),
    scope: catalogScope(definition.catalogId),
    reviewers: managerReviewers,
    fallbackReviewers: [],
  };
}

/** $select: the named properties (plus @odata.type), in the entity's own order. */
export function selectFields(json: Json, select: readonly string[] | undefined): Json {
  if (!select) return json;
  return Object.fromEntries(Object.entries(json).filter(([key]) => key === '@odata.type' || key === 'files' || select.includes(key)));
}
