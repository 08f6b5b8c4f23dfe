import { describe, expect, it } from 'vitest';
import { resourceSearchSchema } from './resource-search';
import { sessionsQueryFromSearch } from './sessions-query';

describe('sessionsQueryFromSearch', () => {
  it('turns the page number into $skip and "all" into no status filter', () => {
    expect(sessionsQueryFromSearch(resourceSearchSchema.parse({ page: 3, pageSize: 20 }))).toEqual({
      status: undefined,
      referenceId: undefined,
      direction: 'desc',
      top: 20,
      skip: 40,
    });
  });

  it('carries status, review and sort', () => {
    expect(sessionsQueryFromSearch(resourceSearchSchema.parse({ status: 'active', review: 'r1', sort: 'asc' }))).toMatchObject({
      status: 'active',
      referenceId: 'r1',
      direction: 'asc',
      skip: 0,
    });
  });

  it('asks Graph for "other" as unknownFutureValue, the enum member the summaries count as other', () => {
    expect(sessionsQueryFromSearch(resourceSearchSchema.parse({ status: 'other' })).status).toBe('unknownFutureValue');
  });
});
