import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelLoadError, rebuildCommand } from '../src/model/model-error.js';
import { loadLangIdModel } from '../src/model/model-folder.js';
import { defaultModelCandidates } from '../src/model/default-model.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const shipped = join(repository, 'models', 'langid-udhr');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ntl-model-folder-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the shipped model under `name`, with `damage` applied. */
function damagedCopy(name: string, damage: (dir: string) => void): string {
  const dir = join(scratch, name);
  cpSync(shipped, dir, { recursive: true });
  damage(dir);
  return dir;
}

describe('model folder errors name the file and the command that rebuilds it', () => {
  it('names the preset for preset folders and --output for others', () => {
    expect(rebuildCommand('models/langid-full')).toBe('ntl langid train --preset full');
    expect(rebuildCommand('/x/models/langid-udhr/')).toBe('ntl langid train --preset udhr');
    expect(rebuildCommand('my-model')).toBe('ntl langid train --output my-model');
  });

  it('reports a missing folder as its missing model.json', async () => {
    const dir = join(scratch, 'nothing', 'langid-full');
    await expect(loadLangIdModel(dir)).rejects.toThrow(new ModelLoadError(join(dir, 'model.json'), 'is missing', 'ntl langid train --preset full'));
    await expect(loadLangIdModel(dir)).rejects.toThrow(`${join(dir, 'model.json')} is missing: run \`ntl langid train --preset full\``);
  });

  it('reports invalid JSON and manifests of another kind or version', async () => {
    const broken = damagedCopy('broken-json', (dir) => writeFileSync(join(dir, 'model.json'), '{"kind": '));
    await expect(loadLangIdModel(broken)).rejects.toThrow(new RegExp(`${join(broken, 'model.json')} is not valid JSON \\(.*\\): run \`ntl langid train --output ${broken}\``));
    const edit = (dir: string, change: (manifest: Record<string, unknown>) => void): void => {
      const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as Record<string, unknown>;
      change(manifest);
      writeFileSync(join(dir, 'model.json'), JSON.stringify(manifest));
    };
    const kind = damagedCopy('other-kind', (dir) => edit(dir, (m) => (m['kind'] = 'ntl.langid.neural')));
    await expect(loadLangIdModel(kind)).rejects.toThrow('has kind "ntl.langid.neural", expected "ntl.langid.ngram"');
    const version = damagedCopy('future', (dir) => edit(dir, (m) => (m['version'] = 2)));
    await expect(loadLangIdModel(version)).rejects.toThrow('has version 2, this ntl reads version 1');
    const tags = damagedCopy('bad-tags', (dir) => edit(dir, (m) => (m['languages'] = ['english'])));
    await expect(loadLangIdModel(tags)).rejects.toThrow('has no valid "languages" list of xxx_Xxxx tags');
    const fewer = damagedCopy('fewer', (dir) => edit(dir, (m) => (m['languages'] = ['eng_Latn'])));
    await expect(loadLangIdModel(fewer)).rejects.toThrow(/lid\.ftz does not match model\.json \(its \d+ labels are not the 1 languages listed\)/);
  });

  it('reports missing, truncated and foreign weight files', async () => {
    const missing = damagedCopy('langid-full', (dir) => rmSync(join(dir, 'lid.ftz')));
    await expect(loadLangIdModel(missing)).rejects.toThrow(`${join(missing, 'lid.ftz')} is missing: run \`ntl langid train --preset full\``);
    const truncated = damagedCopy('truncated', (dir) => writeFileSync(join(dir, 'lid.ftz'), readFileSync(join(dir, 'lid.ftz')).subarray(0, 5000)));
    await expect(loadLangIdModel(truncated)).rejects.toThrow(new RegExp(`${join(truncated, 'lid.ftz')} is corrupt \\(truncated file: .*\\): run`));
    const foreign = damagedCopy('foreign', (dir) => writeFileSync(join(dir, 'lid.ftz'), 'not a model'));
    await expect(loadLangIdModel(foreign)).rejects.toThrow('lid.ftz is corrupt (not a fastText model (wrong magic number))');
  });
});

describe('default model lookup', () => {
  it('prefers langid-full, under the working directory first, then the repository', () => {
    expect(defaultModelCandidates('/tmp/somewhere')).toEqual([
      '/tmp/somewhere/models/langid-full',
      join(repository, 'models', 'langid-full'),
      '/tmp/somewhere/models/langid-udhr',
      join(repository, 'models', 'langid-udhr'),
    ]);
  });
});
