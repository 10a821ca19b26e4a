import { describe, expect, it } from 'vitest';
import { filterProjects } from './project-picker';

const project = (id: string, name: string) => ({ id, name, domainId: 'default', enabled: true });

describe('filterProjects', () => {
  const projects = [project('a1b2', 'demo'), project('c3d4', 'demo-2'), project('e5f6', 'Web Shop')];

  it('matches names anywhere, ignoring case, and ids by their start', () => {
    expect(filterProjects(projects, 'DEMO').map((p) => p.name)).toEqual(['demo', 'demo-2']);
    expect(filterProjects(projects, 'shop').map((p) => p.name)).toEqual(['Web Shop']);
    expect(filterProjects(projects, 'c3').map((p) => p.name)).toEqual(['demo-2']);
    expect(filterProjects(projects, 'b2')).toEqual([]);
  });

  it('keeps everything for an empty search', () => {
    expect(filterProjects(projects, '  ')).toHaveLength(3);
  });

  it('stays fast with thousands of projects', () => {
    const many = Array.from({ length: 5000 }, (_, index) => project(`id-${index}`, `project-${index}`));
    const started = performance.now();
    expect(filterProjects(many, 'project-4999')).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
