import { z } from 'zod';
import { uploadStatuses } from './types';

/** The seed file format (documented in emulator/README.md). Times: ISO 8601 or relative ("-15m", "+7d"). */
const id = z.string().min(1);
const time = z.string().min(1);

const user = z.strictObject({
  id,
  userPrincipalName: z.string().min(3),
  displayName: z.string().min(1),
  givenName: z.string().default(''),
  surname: z.string().default(''),
  jobTitle: z.string().optional(),
  catalogRoles: z.record(z.string(), z.enum(['owner', 'reader'])).default({}),
});

const catalog = z.strictObject({
  id,
  displayName: z.string().min(1),
  description: z.string().default(''),
  catalogType: z.string().default('userManaged'),
  state: z.string().default('published'),
  isExternallyVisible: z.boolean().default(false),
  createdDateTime: time,
  modifiedDateTime: time,
  createdBy: z.string().default('admin@contoso.example'),
  modifiedBy: z.string().optional(),
});

const logicApp = z.strictObject({
  logicAppWorkflowName: z.string(),
  resourceGroupName: z.string(),
  subscriptionId: z.string(),
  url: z.string(),
});

const resource = z.strictObject({
  id,
  catalogId: id,
  displayName: z.string().min(1),
  description: z.string().default(''),
  originId: z.string().min(1),
  originSystem: z.string().min(1),
  resourceType: z.string().default(''),
  url: z.string().optional(),
  createdDateTime: time,
  modifiedDateTime: time.optional(),
  addedBy: z.string().default('admin@contoso.example'),
  notificationEndpointConfiguration: logicApp.optional(),
});

const instance = z.strictObject({
  id,
  status: z.string().min(1),
  startDateTime: time,
  endDateTime: time,
});

const identity = z.strictObject({ id, displayName: z.string(), userPrincipalName: z.string() });

const accessReview = z.strictObject({
  id,
  catalogId: id,
  displayName: z.string().min(1),
  descriptionForAdmins: z.string().default(''),
  descriptionForReviewers: z.string().default(''),
  status: z.string().default('InProgress'),
  createdDateTime: time,
  lastModifiedDateTime: time.optional(),
  createdBy: identity.optional(),
  instances: z.array(instance).default([]),
});

const file = z.strictObject({
  id,
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  uploadedDateTime: time,
});

const uploadSession = z.strictObject({
  id,
  resourceId: id,
  reviewInstanceId: id,
  status: z.enum(uploadStatuses),
  createdDateTime: time,
  files: z.array(file).default([]),
  /** Many files without a huge seed: generated deterministically at load, after the listed files. */
  generateFiles: z.strictObject({ count: z.number().int().positive(), seed: z.number().int() }).optional(),
});

export const seedSchema = z.strictObject({
  $comment: z.string().optional(),
  users: z.array(user),
  catalogs: z.array(catalog),
  resources: z.array(resource).default([]),
  accessReviews: z.array(accessReview).default([]),
  uploadSessions: z.array(uploadSession).default([]),
});

export type Seed = z.infer<typeof seedSchema>;
