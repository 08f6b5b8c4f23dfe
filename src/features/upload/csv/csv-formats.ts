/**
 * The three CSV layouts Microsoft has documented for custom data uploads (docs/graph-contract.md §5.3). They disagree, so
 * the owner picks one; the Entra admin center's is the default because it is the newest and a superset.
 */

/** What a column's values must look like. */
export type ValueKind =
  /** An Entra object ID. */
  | 'guid'
  /** One of the format's principal types. */
  | 'principalType'
  /** An Entra object ID or a user principal name (legacy files used UPNs). */
  | 'userReference'
  /** Comma-separated Entra object IDs. */
  | 'guidList'
  /** A JSON list of UPNs or object IDs, like ["admin@contoso.com"] (legacy beta). */
  | 'jsonOwnerList'
  | 'text';

export interface CsvColumn {
  name: string;
  kind: ValueKind;
  /** Every row must have a value in this column. */
  required: boolean;
}

export type CsvFormatId = 'entra' | 'graphV1' | 'legacyBeta';

export interface CsvFormat {
  id: CsvFormatId;
  label: string;
  description: string;
  columns: CsvColumn[];
  principalTypes: string[];
  /** Warn when a row names no entitlement owner (Entra: needed for resource-owner reviews). */
  ownerColumns: string[];
}

const column = (name: string, kind: ValueKind, required = true): CsvColumn => ({ name, kind, required });

export const csvFormats: Record<CsvFormatId, CsvFormat> = {
  entra: {
    id: 'entra',
    label: 'Entra admin center (11 columns)',
    description: 'The layout of the Microsoft Entra how-to: PrincipalType is always EntraIdUser.',
    columns: [
      column('PrincipalId', 'guid'),
      column('PrincipalType', 'principalType'),
      column('PermissionId', 'text'),
      column('PermissionName', 'text'),
      column('PermissionDescription', 'text', false),
      column('PermissionType', 'text'),
      column('ScopeId', 'text'),
      column('ScopeDisplayName', 'text'),
      column('EntitlementOwners_Users', 'guidList', false),
      column('EntitlementOwners_Groups', 'guidList', false),
      column('CustomData', 'text', false),
    ],
    principalTypes: ['EntraIdUser'],
    ownerColumns: ['EntitlementOwners_Users', 'EntitlementOwners_Groups'],
  },
  graphV1: {
    id: 'graphV1',
    label: 'Graph v1.0 uploadFile (6 columns)',
    description: 'The layout of the Graph v1.0 uploadFile page: principalType is user.',
    columns: [
      column('principalId', 'guid'),
      column('principalType', 'principalType'),
      column('permissionId', 'text'),
      column('permissionName', 'text'),
      column('permissionDescription', 'text', false),
      column('permissionType', 'text'),
    ],
    principalTypes: ['user'],
    ownerColumns: [],
  },
  legacyBeta: {
    id: 'legacyBeta',
    label: 'Legacy beta (10 columns)',
    description: 'The October 2025 beta layout: users by object ID or UPN, owners as a JSON list.',
    columns: [
      column('PrincipalAADId', 'userReference'),
      column('ResourceId', 'text'),
      column('ResourceName', 'text'),
      column('ResourceDescription', 'text', false),
      column('ResourceType', 'text', false),
      column('PermissionId', 'text'),
      column('PermissionName', 'text'),
      column('PermissionDescription', 'text', false),
      column('PermissionType', 'text'),
      column('ResourceOwners', 'jsonOwnerList', false),
    ],
    principalTypes: [],
    ownerColumns: [],
  },
};

export const defaultCsvFormatId: CsvFormatId = 'entra';

export const csvFormatList: CsvFormat[] = Object.values(csvFormats);

export function isCsvFormatId(value: string): value is CsvFormatId {
  return Object.hasOwn(csvFormats, value);
}

/** The header row of a format, with its CRLF (the templates add an example row: csv-templates.ts). */
export function csvHeaderLine(format: CsvFormat): string {
  return `${format.columns.map((c) => c.name).join(',')}\r\n`;
}
