import { describe, expect, it } from 'vitest';
import { gridFrame, gridLayout, layoutGraph } from './graph-layout';

describe('gridLayout', () => {
  it('wraps many cells into a landscape frame, row after row, each inside the frame and none over another', () => {
    const grid = gridLayout(300);
    expect(grid.columns * grid.rows).toBeGreaterThanOrEqual(300);
    expect(grid.columns * (grid.rows - 1)).toBeLessThan(300);
    expect(grid.width / grid.height).toBeGreaterThan(1);
    expect(grid.width / grid.height).toBeLessThan(2.5);
    const cells = Array.from({ length: 300 }, (_, index) => grid.cellPosition(index));
    for (const cell of cells) {
      expect(cell.x).toBeGreaterThanOrEqual(gridFrame.padding);
      expect(cell.y).toBeGreaterThanOrEqual(gridFrame.titleHeight + gridFrame.padding);
      expect(cell.x + gridFrame.cellWidth).toBeLessThanOrEqual(grid.width - gridFrame.padding);
      expect(cell.y + gridFrame.cellHeight).toBeLessThanOrEqual(grid.height - gridFrame.padding);
    }
    expect(new Set(cells.map((cell) => `${cell.x},${cell.y}`)).size).toBe(300);
    // Reading order: the second cell is right of the first, the cell after a row's end starts the next row.
    expect(cells[1]).toEqual({ x: cells[0]!.x + gridFrame.cellWidth + gridFrame.gap, y: cells[0]!.y });
    expect(cells[grid.columns]).toEqual({ x: cells[0]!.x, y: cells[0]!.y + gridFrame.cellHeight + gridFrame.gap });
  });

  it('keeps a few cells on one row and caps the width of thousands', () => {
    expect(gridLayout(1)).toMatchObject({ columns: 1, rows: 1, width: gridFrame.cellWidth + 2 * gridFrame.padding });
    expect(gridLayout(3, { aspect: 10 })).toMatchObject({ columns: 3, rows: 1 });
    expect(gridLayout(5000)).toMatchObject({ columns: 24, rows: 209 });
    expect(gridLayout(5000, { maxColumns: 40 }).columns).toBe(40);
  });
});

describe('layoutGraph', () => {
  it('ranks linked boxes left to right without overlap and leaves links to unknown boxes out', () => {
    const boxes = ['a', 'b', 'c'].map((id) => ({ id, width: 100, height: 40 }));
    const placed = layoutGraph(boxes, [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'ac', source: 'a', target: 'c' },
      { id: 'ax', source: 'a', target: 'missing' },
    ]);
    const at = (id: string) => placed.find((box) => box.id === id)!.position;
    expect(at('a').x).toBeLessThan(at('b').x);
    expect(at('b').x).toBe(at('c').x);
    expect(Math.abs(at('b').y - at('c').y)).toBeGreaterThanOrEqual(40);
  });
});
