/// <reference types="vite/client" />
// The starter templates Zenith ships (client/src/features/stack-launch/starters), checked by the local cloud's Heat
// through the BFF as the launch page checks a template: POST /validate accepts each one and reports its parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { starterTemplates } from '../../client/src/features/stack-launch/starters/index.js';
import type { SessionView } from '../src/contract/session.js';
import { json, LogCapture, removeTemporaryDirectories, startZenith, TestBrowser, type RunningZenith } from '../src/testing/harness.js';
import { credentials, integrationConfig, waitForCloud } from './support.js';

/** POST /validate's answer (client/src/resources/stacks/types.ts TemplateValidation), the parts checked here. */
interface Validation {
  Description: string;
  Parameters: Record<string, { Type: string; Label: string; Description: string; Default?: unknown; CustomConstraint?: string }>;
  ParameterGroups?: { label: string; parameters: string[] }[];
}

interface Hot {
  description: string;
  parameter_groups?: { label: string; parameters: string[] }[];
  parameters: Record<string, { type: string; label: string; description: string; default: unknown; constraints?: { custom_constraint?: string }[] }>;
}

// Heat's names for the HOT parameter types (heat/engine/hot/parameters.py).
const heatTypes: Record<string, string> = {
  string: 'String',
  number: 'Number',
  comma_delimited_list: 'CommaDelimitedList',
  json: 'Json',
  boolean: 'Boolean',
};

let zenith: RunningZenith;
let browser: TestBrowser;
const logs = new LogCapture();

beforeAll(async () => {
  await waitForCloud();
  zenith = await startZenith(integrationConfig(), logs);
  browser = new TestBrowser(zenith.baseUrl);
  const { username, password } = credentials('zenith-demo');
  const login = await browser.send('/api/auth/login', { method: 'POST', json: { username, password } });
  expect(login.status).toBe(200);
  browser.csrfToken = json<SessionView>(login).csrfToken;
});

afterAll(async () => {
  await zenith?.close();
  removeTemporaryDirectories();
});

describe.each(starterTemplates)('starter $id', ({ template }) => {
  const hot = parse(template) as Hot;

  it('is accepted by Heat, which reports its description and every parameter as the template declares it', async () => {
    // The template's text as the editor holds it: Heat parses it itself.
    const response = await browser.send('/api/os/orchestration/validate', { method: 'POST', json: { template } });
    expect(response.status, response.body).toBe(200);
    expect(response.headers['x-openstack-request-id']).toMatch(/^req-/);
    const validation = json<Validation>(response);
    expect(validation.Description).toBe(hot.description);
    expect(Object.keys(validation.Parameters).sort()).toEqual(Object.keys(hot.parameters).sort());
    for (const [name, declared] of Object.entries(hot.parameters)) {
      const reported = validation.Parameters[name];
      expect(reported, name).toMatchObject({ Type: heatTypes[declared.type], Label: declared.label, Description: declared.description });
      // Heat reports a comma_delimited_list's default as its text and numbers as numbers.
      expect(String(reported?.Default), name).toBe(String(declared.default));
      const custom = declared.constraints?.find((constraint) => constraint.custom_constraint)?.custom_constraint;
      expect(reported?.CustomConstraint, name).toBe(custom);
    }
    if (hot.parameter_groups) expect(validation.ParameterGroups).toEqual(hot.parameter_groups);
  });
});
