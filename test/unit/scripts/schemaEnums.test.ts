import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repoPath } from '../../helpers/paths';

interface EnumEntry {
  definition: string;
  property: string;
  values: string[];
  inDescription: boolean;
  source: string;
}

const openapi = JSON.parse(readFileSync(repoPath('third_party/k8s-openapi/apis__apps__v1_openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, { properties?: Record<string, { description?: string; type?: string }> }> };
};
const table = JSON.parse(readFileSync(repoPath('scripts/schemaEnums.json'), 'utf8')) as { enums: EnumEntry[] };

for (const entry of table.enums) {
  const name = `${entry.definition.split('.').pop()}.${entry.property}`;
  test(`curated enum ${name} matches the OpenAPI field`, () => {
    const property = openapi.components.schemas[entry.definition]?.properties?.[entry.property];
    assert.ok(property, `${name} is gone from the OpenAPI document`);
    assert.equal(property.type, 'string');
    assert.ok(entry.source.length > 10, 'each entry cites where its values come from');
    if (!entry.inDescription) return;
    for (const value of entry.values.filter((v) => v !== '')) {
      assert.match(property.description ?? '', new RegExp(`\\b${value}\\b`), `${name}: "${value}" no longer appears in the description`);
    }
  });
}
