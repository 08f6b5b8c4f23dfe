import { z } from 'zod';

/**
 * Graph responses, validated at the edge. Enums are read as plain strings: new values
 * (`unknownFutureValue`, old capitalised `Active`) must degrade to a neutral display, never a parse error.
 */
export function collectionSchema<T>(item: z.ZodType<T>) {
  return z.looseObject({
    value: z.array(item),
    '@odata.count': z.number().optional(),
    '@odata.nextLink': z.string().optional(),
  });
}

export const catalogSchema = z.looseObject({
  id: z.string(),
  displayName: z.string().nullish(),
  description: z.string().nullish(),
  catalogType: z.string().nullish(),
  state: z.string().nullish(),
  isExternallyVisible: z.boolean().nullish(),
  createdDateTime: z.string().nullish(),
  modifiedDateTime: z.string().nullish(),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const resourceSchema = z.looseObject({
  '@odata.type': z.string().optional(),
  id: z.string(),
  displayName: z.string().nullish(),
  description: z.string().nullish(),
  originId: z.string().nullish(),
  originSystem: z.string().nullish(),
  createdDateTime: z.string().nullish(),
  modifiedDateTime: z.string().nullish(),
});
export type CatalogResource = z.infer<typeof resourceSchema>;

export const uploadedFileSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  uploadedDateTime: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

export const uploadSessionSchema = z.looseObject({
  '@odata.type': z.string().optional(),
  id: z.string(),
  createdDateTime: z.string().optional(),
  isUploadDone: z.boolean().optional(),
  referenceId: z.string().nullish(),
  status: z.string().optional(),
  stats: z.looseObject({ filesUploaded: z.number(), totalBytesUploaded: z.number() }).nullish(),
  data: z
    .looseObject({
      '@odata.type': z.string().optional(),
      reviewDefinitionId: z.string().nullish(),
      reviewInstanceId: z.string().nullish(),
    })
    .nullish(),
  files: z.array(uploadedFileSchema).optional(),
});
export type UploadSession = z.infer<typeof uploadSessionSchema>;

export const reviewDefinitionSchema = z.looseObject({
  id: z.string(),
  displayName: z.string().nullish(),
  status: z.string().nullish(),
  scope: z.looseObject({ resourceScopes: z.array(z.looseObject({ resourceId: z.string().nullish() })).nullish() }).nullish(),
});
export type ReviewDefinition = z.infer<typeof reviewDefinitionSchema>;

export const reviewInstanceSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  startDateTime: z.string().nullish(),
  endDateTime: z.string().nullish(),
});
export type ReviewInstance = z.infer<typeof reviewInstanceSchema>;

/** `unifiedRoleAssignment` (docs/graph-contract.md §9.3), with `roleDefinition` when expanded. */
export const roleAssignmentSchema = z.looseObject({
  id: z.string(),
  principalId: z.string().nullish(),
  roleDefinitionId: z.string().nullish(),
  appScopeId: z.string().nullish(),
  roleDefinition: z.looseObject({ id: z.string(), displayName: z.string().nullish() }).nullish(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/** The user properties people lookups read (docs/graph-contract.md §9.1): all of them need User.Read.All. */
export const directoryUserSchema = z.looseObject({
  '@odata.type': z.string().optional(),
  id: z.string(),
  displayName: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
  mail: z.string().nullish(),
  employeeId: z.string().nullish(),
  accountEnabled: z.boolean().nullish(),
  userType: z.string().nullish(),
});
export type DirectoryUser = z.infer<typeof directoryUserSchema>;

/** The group properties owner lookups read (§9.1). */
export const directoryGroupSchema = z.looseObject({ id: z.string(), displayName: z.string().nullish(), mail: z.string().nullish() });
export type DirectoryGroup = z.infer<typeof directoryGroupSchema>;

/** An entry of getByIds: a user or a group, told apart by `@odata.type` (§9.1). */
export const directoryObjectSchema = directoryUserSchema;
export type DirectoryObject = DirectoryUser;
