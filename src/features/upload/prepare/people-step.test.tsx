import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserLookupResult } from '../../../graph/users';
import { classifyOwners, type OwnerLookups } from './owner-outcomes';
import { classifyScan } from './people-outcomes';
import type { PrincipalScan } from './people-scan';
import { PeopleStep } from './people-step';
import type { PreparePlan } from './prepare-pipeline';
import type { ResolveState } from './use-resolve-people';

// The hook talks to MSAL and Graph (tested on its own and end to end); here only what the step shows and sends.
const hook = { state: undefined as unknown as ResolveState, lookUp: vi.fn(), cancel: vi.fn(), setKind: vi.fn() };
vi.mock('./use-resolve-people', () => ({ useResolvePeople: () => hook }));

const groupId = '22222222-2222-4222-8222-222222222222';
const user = (id: string, mail: string, extra: object = {}) => ({ id, userPrincipalName: mail, mail, accountEnabled: true, userType: 'Member', ...extra });
const scan: PrincipalScan = {
  sourceColumn: 'Email',
  rowsRead: 6,
  values: [
    { value: 'ann@contoso.example', rows: 2, lines: [2, 3] },
    { value: 'nobody@contoso.example', rows: 1, lines: [4] },
    { value: 'off@contoso.example', rows: 1, lines: [5] },
  ],
  noValue: { rows: 1, lines: [6] },
  duplicates: { rows: 1, lines: [7] },
  owners: [{ column: 'EntitlementOwners_Groups', values: [{ value: 'Twins', rows: 3, lines: [2, 3, 4] }, { value: 'Facilities Team', rows: 1, lines: [5] }] }],
};
const byValue = new Map<string, UserLookupResult>([
  ['ann@contoso.example', { users: [user('u-ann', 'ann@contoso.example')] }],
  ['nobody@contoso.example', { users: [] }],
  ['off@contoso.example', { users: [user('u-off', 'off@contoso.example', { accountEnabled: false })] }],
]);
const ownerLookups: OwnerLookups = {
  byId: new Map(),
  usersByUpn: new Map(),
  usersByMail: new Map(),
  groupsByMail: new Map(),
  groupsByName: new Map([
    ['twins', { found: [{ id: 'g-1', displayName: 'Twins' }, { id: 'g-2', displayName: 'Twins' }] }],
    ['facilities team', { found: [{ id: groupId, displayName: 'Facilities Team' }] }],
  ]),
};
const done: ResolveState = { phase: 'done', scan, kind: 'mail', run: 1, outcomes: classifyScan(scan, 'mail', { byValue, byId: new Map() }), owners: classifyOwners(scan, ownerLookups) };

const plan = { formatId: 'entra' } as PreparePlan;

function renderStep() {
  const onPrepare = vi.fn();
  const announce = vi.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <PeopleStep plan={plan} scanFile={vi.fn()} onPrepare={onPrepare} onBack={vi.fn()} announce={announce} />
    </FluentProvider>,
  );
  return { onPrepare, announce };
}

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
vi.stubGlobal(
  'ResizeObserver',
  class {
    observe() {}
    unobserve() {}
    disconnect() {}
  },
);

beforeEach(() => {
  hook.lookUp.mockReset();
  hook.cancel.mockReset();
});

describe('PeopleStep', () => {
  it('shows each outcome with its counts and lines, and the owners per column', () => {
    hook.state = done;
    const { announce } = renderStep();
    const people = screen.getByRole('region', { name: 'People looked up' });
    expect(within(people).getByRole('heading', { name: 'Not found: 1 person, 1 row' })).toBeInTheDocument();
    expect(within(people).getByRole('heading', { name: 'Matched, but the account is disabled: 1 person, 1 row' })).toBeInTheDocument();
    expect(within(people).getByRole('heading', { name: 'Matched: 1 person, 2 rows' })).toBeInTheDocument();
    expect(within(people).getByRole('heading', { name: 'Duplicate rows in the export: 1 row' })).toBeInTheDocument();
    expect(within(people).getByRole('list', { name: 'Not found' })).toHaveTextContent("Line 4: No user of the tenant has the email address 'nobody@contoso.example'.");
    const owners = screen.getByRole('region', { name: 'Owners in EntitlementOwners_Groups' });
    expect(within(owners).getByRole('heading', { name: 'Ambiguous: more than one match: 1 owner, 3 rows' })).toBeInTheDocument();
    expect(within(owners).getByRole('list', { name: 'Ambiguous: more than one match' })).toHaveTextContent("2 groups have the display name 'Twins'");
    expect(announce).toHaveBeenCalledWith('People looked up: 2 rows matched.');
  });

  it('prepares with what the owner chose: disabled people left out, duplicates kept, owners as ids', async () => {
    hook.state = done;
    const { onPrepare } = renderStep();
    await userEvent.click(screen.getByRole('checkbox', { name: /disabled into the file \(1 rows\)/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Leave out duplicate rows (1)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Prepare with the people looked up' }));
    const resolution = onPrepare.mock.calls[0]![0];
    expect(resolution.ids).toEqual({ 'ann@contoso.example': 'u-ann' });
    expect(resolution.leftOut['off@contoso.example']).toBe('The account of off@contoso.example is disabled. Left out, as chosen.');
    expect(resolution.leaveOutDuplicates).toBe(false);
    expect(resolution.owners.EntitlementOwners_Groups.ids).toEqual({ 'facilities team': groupId });
    expect(resolution.owners.EntitlementOwners_Groups.leftOut.twins).toContain('Owner in EntitlementOwners_Groups: 2 groups');
  });

  it('shows the progress while looking up and cancels it', async () => {
    hook.state = { phase: 'lookingUp', scan, kind: 'mail', run: 1, progress: { done: 300, total: 1200, failed: 15 } };
    const { onPrepare } = renderStep();
    expect(screen.getByText('300 of 1,200 looked up, 15 failed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Prepare without looking up' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel lookup' }));
    expect(hook.cancel).toHaveBeenCalledOnce();
    expect(onPrepare).not.toHaveBeenCalled();
  });

  it('explains a refused consent with its code, asks again, or prepares without the lookup', async () => {
    hook.state = { phase: 'refused', scan, kind: 'mail', run: 1, problem: { code: 'AADSTS65004', message: 'The user declined.' } };
    const { onPrepare } = renderStep();
    expect(screen.getByText(/was not granted \(AADSTS65004\): The user declined\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ask again' }));
    expect(hook.lookUp).toHaveBeenCalledWith('mail');
    await userEvent.click(screen.getByRole('button', { name: 'Prepare without looking up' }));
    expect(onPrepare).toHaveBeenCalledWith(undefined);
  });
});
