// Tests of where generated files point their `$schema` line: installed package, this package, or where npm install puts it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nodeFs } from '../../src/scaffold/fs.js';
import { PACKAGE_ROOT, schemaId, schemaRef } from '../../src/scaffold/schema-ref.js';
import { tempDir } from './helpers.js';

describe('schemaRef', () => {
  it('points where `npm install` puts sop (init pins it in package.json) when nothing local is reachable yet, never at the unserved $id', async () => {
    const { dir, cleanup } = tempDir();
    try {
      assert.equal(await schemaRef(nodeFs, dir, dir, 'sop.schema.json'), './node_modules/sop/schemas/sop.schema.json');
      mkdirSync(path.join(dir, 'unit'));
      assert.equal(await schemaRef(nodeFs, path.join(dir, 'unit'), dir, 'config.schema.json'), '../node_modules/sop/schemas/config.schema.json');
      assert.equal(schemaId('config.schema.json'), JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', 'config.schema.json'), 'utf8')).$id);
    } finally {
      cleanup();
    }
  });

  it('finds node_modules/sop in the folder or a parent inside the repository, never above it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const repo = path.join(dir, 'repo');
      mkdirSync(path.join(dir, 'node_modules/sop/schemas'), { recursive: true });
      writeFileSync(path.join(dir, 'node_modules/sop/schemas/sop.schema.json'), '{}');
      mkdirSync(path.join(repo, 'a b/c'), { recursive: true });
      assert.equal(await schemaRef(nodeFs, path.join(repo, 'a b/c'), repo, 'sop.schema.json'), '../../node_modules/sop/schemas/sop.schema.json', 'a copy above the repository is not used');
      mkdirSync(path.join(repo, 'node_modules/sop/schemas'), { recursive: true });
      writeFileSync(path.join(repo, 'node_modules/sop/schemas/sop.schema.json'), '{}');
      assert.equal(await schemaRef(nodeFs, path.join(repo, 'a b/c'), repo, 'sop.schema.json'), '../../node_modules/sop/schemas/sop.schema.json');
      assert.equal(await schemaRef(nodeFs, repo, repo, 'sop.schema.json'), './node_modules/sop/schemas/sop.schema.json');
    } finally {
      cleanup();
    }
  });

  it('points to this package\'s schemas/ from inside the package (examples)', async () => {
    const examples = path.join(PACKAGE_ROOT, 'examples', 'sekretariat');
    assert.equal(await schemaRef(nodeFs, examples, PACKAGE_ROOT, 'sop.schema.json'), '../../schemas/sop.schema.json');
  });
});
