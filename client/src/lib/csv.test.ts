import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('neutralises what a spreadsheet would run as a formula, and nothing else', () => {
    expect(csvCell('=cmd|calc')).toBe("'=cmd|calc");
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // A formula hidden behind a carriage return is neutralised, then quoted for the line break.
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('-1')).toBe('-1');
    expect(csvCell('-2.5')).toBe('-2.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('web-1')).toBe('web-1');
  });

  it('quotes cells holding a comma, a quote or a line break', () => {
    expect(csvCell('web, "front"')).toBe('"web, ""front"""');
    expect(csvCell('10.0.0.5\n10.0.0.6')).toBe('"10.0.0.5\n10.0.0.6"');
    expect(toCsv(['name', 'vcpus'], [['a', 1], ['b,c', 2]])).toBe('name,vcpus\r\na,1\r\n"b,c",2\r\n');
  });
});
