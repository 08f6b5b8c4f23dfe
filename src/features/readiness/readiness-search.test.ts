import { describe, expect, it } from 'vitest';
import { catalogReadinessSearchSchema } from './readiness-search';

describe('catalogReadinessSearchSchema', () => {
  it('shows upcoming windows and the last closed one per review by default', () => {
    expect(catalogReadinessSearchSchema.parse({})).toEqual({ upcoming: true, past: 'last' });
  });

  it('keeps valid choices and falls back on hand-edited ones', () => {
    expect(catalogReadinessSearchSchema.parse({ upcoming: false, past: 'all' })).toEqual({ upcoming: false, past: 'all' });
    expect(catalogReadinessSearchSchema.parse({ upcoming: 'maybe', past: 'everything' })).toEqual({ upcoming: true, past: 'last' });
  });
});
