import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDirectory, startServerProcess, temporaryDirectory, type ServerProcess } from './support/server-process.js';

// Runs the curl walkthrough of the README as written: every ```sh block between the walkthrough markers, in order,
// in one bash against a fresh server started as the README describes.

const hasTools = ['bash', 'curl'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
if (!hasTools) {
  console.warn('SKIPPED examples/server/test/walkthrough.test.ts: it needs bash and curl on the PATH to run the README walkthrough.');
}

/** Extracts the shell code of the walkthrough section of a README. */
export function walkthroughScript(readme: string): string {
  const section = /<!-- walkthrough:start -->([\s\S]*?)<!-- walkthrough:end -->/u.exec(readme)?.[1];
  if (section === undefined) throw new Error('The README has no <!-- walkthrough:start --> … <!-- walkthrough:end --> section.');
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/gu)].map((match) => match[1]!);
  return blocks.join('\n');
}

const readmes = ['README.md', 'README.ru.md'].map((name) => ({
  name,
  text: readFileSync(fileURLToPath(new URL(`../${name}`, import.meta.url)), 'utf8'),
}));

let server: ServerProcess | undefined;
const directories: string[] = [];

afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const directory of directories.splice(0)) await removeDirectory(directory);
});

describe.skipIf(!hasTools)('README curl walkthrough', () => {
  it('is the same code in both languages', () => {
    const [english, russian] = readmes.map((readme) => walkthroughScript(readme.text).replace(/#.*$/gmu, ''));
    expect(russian).toBe(english);
  });

  for (const readme of readmes) {
    it(`runs ${readme.name} to the completed state`, async () => {
      const dataDir = await temporaryDirectory('fioco-flow-walkthrough-');
      const workDir = await temporaryDirectory('fioco-flow-walkthrough-work-');
      directories.push(dataDir, workDir);
      server = await startServerProcess({
        dataDir,
        env: { FIOCO_NOW: '2027-01-25T09:00:00+03:00', FIOCO_CLOCK_CONTROL: '1', WEB_DIR: `${dataDir}/no-page` },
      });

      // The README tells the reader to run a saved copy with `bash -euo pipefail`, so the test stops at the first error too.
      const result = spawnSync('bash', ['-euo', 'pipefail', '-c', walkthroughScript(readme.text)], {
        cwd: workDir,
        encoding: 'utf8',
        timeout: 150_000,
        env: { ...process.env, B: `${server.url}/api`, REP_TOKEN: server.tokens.representative, STAFF_TOKEN: server.tokens.staff },
      });
      const output = `${result.stdout}\n${result.stderr}`;

      expect(result.status, output).toBe(0);
      expect(output).toContain('application.submit → Подана');
      expect(output).toContain('document.reject → Подана');
      expect(output).toContain('contract.confirm → Договор заключён, идёт обучение');
      expect(output).toMatch(/"codeWord":"[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}"/u);
      expect(output).toContain('package.dispatch → Завершена');
      expect(readFileSync(`${workDir}/contract-draft.pdf`, 'latin1').startsWith('%PDF-')).toBe(true);
      expect(readdirSync(workDir).sort()).toEqual(['contract-draft.pdf', 'headers.txt', 'response.json', 'scan.pdf']);
    }, 200_000);
  }
});
