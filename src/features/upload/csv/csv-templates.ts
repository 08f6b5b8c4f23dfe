import { csvLine } from '../prepare/csv-output';
import type { CsvColumn, CsvFormat, CsvFormatId } from './csv-formats';

/**
 * The downloadable templates: each layout's header and one example row that passes the console's own checks
 * (csv-templates.test.ts), and what goes in each column (docs/graph-contract.md §5.3).
 */

const examplePrincipal = '3f2b8c1d-7a4e-4b9f-8c2d-1e5a6b7c8d9e';
const exampleOwner = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d';
const exampleGroup = '5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f';

const exampleRows: Record<CsvFormatId, Record<string, string>> = {
  entra: {
    PrincipalId: examplePrincipal,
    PrincipalType: 'EntraIdUser',
    PermissionId: 'door-group-40-lobby',
    PermissionName: 'Building 40 lobby doors',
    PermissionDescription: 'Opens the lobby and the ground-floor doors of building 40',
    PermissionType: 'Door group',
    ScopeId: 'badge-system',
    ScopeDisplayName: 'Badge access system',
    EntitlementOwners_Users: exampleOwner,
    EntitlementOwners_Groups: exampleGroup,
    CustomData: 'Badge 40-1187, last used 2026-11-20',
  },
  graphV1: {
    principalId: examplePrincipal,
    principalType: 'user',
    permissionId: 'door-group-40-lobby',
    permissionName: 'Building 40 lobby doors',
    permissionDescription: 'Opens the lobby and the ground-floor doors of building 40',
    permissionType: 'Door group',
  },
  legacyBeta: {
    PrincipalAADId: 'adele.vance@contoso.example',
    ResourceId: 'badge-system',
    ResourceName: 'Badge access system',
    ResourceDescription: 'Doors and turnstiles of the Contoso campus',
    ResourceType: 'Physical access',
    PermissionId: 'door-group-40-lobby',
    PermissionName: 'Building 40 lobby doors',
    PermissionDescription: 'Opens the lobby and the ground-floor doors of building 40',
    PermissionType: 'Door group',
    ResourceOwners: '["facilities.admin@contoso.example"]',
  },
};

/** The format's header row and its example row, as a file to download. */
export function csvTemplate(format: CsvFormat): string {
  const example = exampleRows[format.id];
  return csvLine(format.columns.map((column) => column.name)) + csvLine(format.columns.map((column) => example[column.name] ?? ''));
}

export function templateFileName(format: CsvFormat): string {
  return `upload-template-${format.id}.csv`;
}

/** What goes in a column, by its name in any layout (case ignored). */
const columnHelp: Record<string, string> = {
  principalid: 'The Entra object ID of the user who holds the permission (not their sign-in name).',
  principaltype: 'The kind of principal: EntraIdUser in the Entra layout, user in the Graph v1.0 layout.',
  principalaadid: 'The user, by Entra object ID or by user principal name (the legacy files used UPNs).',
  permissionid: "The permission's own ID in your system: stable, so reviewers' decisions can be applied to it later.",
  permissionname: 'The name reviewers see for the permission.',
  permissiondescription: 'Optional: what the permission lets its holder do, for the reviewers.',
  permissiontype: 'What kind of permission it is in your system (a role, a group, a door group…): free text.',
  scopeid: "The ID of what the permission applies to: the application or system's own ID (the Entra how-to uses the application's).",
  scopedisplayname: 'The name of that application or system, as reviewers see it.',
  entitlementowners_users: 'Optional: object IDs of the users who own the permission, comma-separated (a quoted cell). Resource-owner reviews need an owner.',
  entitlementowners_groups: 'Optional: object IDs of the groups that own the permission, comma-separated (a quoted cell).',
  customdata: 'Optional: free text shown to reviewers beside the row, such as when the access was last used.',
  resourceid: "The system's own ID (the legacy layout's scope).",
  resourcename: "The system's name, as reviewers see it.",
  resourcedescription: 'Optional: what the system is.',
  resourcetype: 'Optional: what kind of system it is.',
  resourceowners: 'Optional: the owners as a JSON list of UPNs or object IDs, like ["admin@contoso.com"].',
};

export const describeColumn = (column: CsvColumn) => columnHelp[column.name.toLowerCase()] ?? '';

/** Microsoft's page for each layout (docs/graph-contract.md §8). */
export const layoutSources: Record<CsvFormatId, { title: string; url: string }> = {
  entra: {
    title: 'Microsoft Entra: custom data provided resources in catalog access reviews',
    url: 'https://learn.microsoft.com/entra/id-governance/custom-data-resource-access-reviews',
  },
  graphV1: {
    title: 'Microsoft Graph v1.0: uploadFile',
    url: 'https://learn.microsoft.com/graph/api/customdataprovidedresourceuploadsession-uploadfile?view=graph-rest-1.0',
  },
  legacyBeta: {
    title: 'Microsoft Graph beta: create an upload session',
    url: 'https://learn.microsoft.com/graph/api/customdataprovidedresource-post-uploadsessions?view=graph-rest-beta',
  },
};
