import { readFileSync } from 'node:fs';
import { DEFAULT_SEED_PATH } from '../config';

interface SeedShape {
  users: { id: string; userPrincipalName: string }[];
  catalogs: { id: string; displayName: string }[];
  resources: { id: string; displayName: string }[];
  accessReviews: { id: string; displayName: string; instances: { id: string; status: string; startDateTime: string }[] }[];
  uploadSessions: { id: string; resourceId: string; reviewInstanceId: string; status: string; generateFiles?: unknown }[];
}

const seed = JSON.parse(readFileSync(DEFAULT_SEED_PATH, 'utf8')) as SeedShape;

function byName<T extends { displayName: string }>(items: T[], name: string): T {
  const item = items.find((i) => i.displayName === name);
  if (!item) throw new Error(`The demo seed has no '${name}'.`);
  return item;
}

function definition(name: string) {
  return byName(seed.accessReviews, name);
}

function instanceOf(definitionName: string, status: string) {
  const found = definition(definitionName).instances.find((i) => i.status === status);
  if (!found) throw new Error(`No ${status} instance in '${definitionName}'.`);
  return found.id;
}

const resources = {
  badge: byName(seed.resources, 'Badge Access Data').id,
  parking: byName(seed.resources, 'Parking Permits').id,
  group: byName(seed.resources, 'Facilities Team').id,
  hrRoles: byName(seed.resources, 'PeopleDesk Roles').id,
  crm: byName(seed.resources, 'CRM Territory Assignments').id,
  ledger: byName(seed.resources, 'Ledger Approval Roles').id,
};

const quarterly = 'Building Access – quarterly access review';
const weekly = 'Building Access – weekly badge attestation';
const salesQuarterly = 'Sales Tools – quarterly CRM access review';
const salesWeekly = 'Sales Tools – weekly partner access attestation';
const finance = 'Finance Systems – semi-annual review';

/** Ids of the demo seed, looked up by name so tests read like the demo. */
export const demo = {
  users: {
    megan: 'megan.bowen@contoso.example',
    alex: 'alex.wilber@contoso.example',
    diego: 'diego.siciliani@contoso.example',
  },
  catalogs: {
    buildingAccess: byName(seed.catalogs, 'Building Access').id,
    legacyHr: byName(seed.catalogs, 'Legacy HR App').id,
    salesTools: byName(seed.catalogs, 'Sales Tools').id,
    finance: byName(seed.catalogs, 'Finance Systems').id,
  },
  resources,
  reviews: {
    quarterly: definition(quarterly).id,
    weekly: definition(weekly).id,
    legacyHr: definition('Legacy HR App – semi-annual role review').id,
    salesQuarterly: definition(salesQuarterly).id,
    /** Sales Tools' second review: its next instance starts 40 minutes after the seed loads. */
    salesWeekly: definition(salesWeekly).id,
    finance: definition(finance).id,
  },
  instances: {
    /** Initializing, started 15 minutes ago: Badge Access Data has no session, Parking Permits an active one. */
    quarterlyOpen: instanceOf(quarterly, 'Initializing'),
    quarterlyApplying: instanceOf(quarterly, 'Applying'),
    quarterlyNotStarted: instanceOf(quarterly, 'NotStarted'),
    /** Initializing, started 100 minutes ago: Badge Access Data has an active session with four files. */
    weeklyOpen: instanceOf(weekly, 'Initializing'),
    legacyHrOpen: instanceOf('Legacy HR App – semi-annual role review', 'Initializing'),
    legacyHrNotStarted: instanceOf('Legacy HR App – semi-annual role review', 'NotStarted'),
    /** Initializing, started 45 minutes ago: CRM Territory Assignments has an active session (Alex owns Sales Tools). */
    salesOpen: instanceOf(salesQuarterly, 'Initializing'),
    /** NotStarted, starts 40 minutes after the seed loads: moving the clock opens its window. */
    salesWeeklyUpcoming: instanceOf(salesWeekly, 'NotStarted'),
    /** Applied a week ago, without a session: its window closed without data. */
    salesWeeklyClosed: instanceOf(salesWeekly, 'Applied'),
    financeOpen: instanceOf(finance, 'Initializing'),
    financeNotStarted: instanceOf(finance, 'NotStarted'),
  },
  sessions: {
    badgeActive: sessionOf(resources.badge, instanceOf(weekly, 'Initializing')),
    parkingActive: sessionOf(resources.parking, instanceOf(quarterly, 'Initializing')),
    big: (seed.uploadSessions.find((s) => s.generateFiles !== undefined) ?? { id: '' }).id,
    badgeComplete: sessionOf(resources.badge, instanceOf(quarterly, 'Applying')),
    badgeExpired: sessionOf(resources.badge, instanceOf(quarterly, 'Completed')),
    crmActive: sessionOf(resources.crm, instanceOf(salesQuarterly, 'Initializing')),
  },
  badgeSessionCount: seed.uploadSessions.filter((s) => s.resourceId === resources.badge).length,
};

function sessionOf(resourceId: string, instanceId: string): string {
  const found = seed.uploadSessions.find((s) => s.resourceId === resourceId && s.reviewInstanceId === instanceId);
  if (!found) throw new Error(`No session for ${resourceId} / ${instanceId}.`);
  return found.id;
}
