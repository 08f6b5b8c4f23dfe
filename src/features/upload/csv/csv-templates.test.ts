import { describe, expect, it } from 'vitest';
import { csvFormatList } from './csv-formats';
import { csvTemplate, describeColumn, layoutSources, templateFileName } from './csv-templates';

describe('templates', () => {
  it('is the header and one example row, CRLF-ended, with the JSON owner list quoted', () => {
    const legacy = csvFormatList.find((format) => format.id === 'legacyBeta')!;
    const lines = csvTemplate(legacy).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toBe(legacy.columns.map((column) => column.name).join(','));
    expect(lines[1]).toMatch(/,"\[""facilities\.admin@contoso\.example""\]"$/);
    expect(templateFileName(legacy)).toBe('upload-template-legacyBeta.csv');
  });

  it('describes every column of every layout and links each layout to Microsoft', () => {
    for (const format of csvFormatList) {
      for (const column of format.columns) expect(describeColumn(column), `${format.id} ${column.name}`).not.toBe('');
      expect(layoutSources[format.id].url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });
});
