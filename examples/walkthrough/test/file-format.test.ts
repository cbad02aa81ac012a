import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applicationFileSchema, checkReadableReferences, checkReferences, readableFile, stepActions, type ApplicationFile } from '../src/file-format.js';
import { parseApplicationFile } from '../src/load-file.js';

const source = readFileSync(fileURLToPath(new URL('../application.json', import.meta.url)), 'utf8');

function variant(change: (file: ApplicationFile) => void): ApplicationFile {
  const file = applicationFileSchema.parse(JSON.parse(source)) as ApplicationFile;
  change(file);
  return file;
}

describe('checkReferences', () => {
  it('accepts the bundled file', () => {
    expect(checkReferences(variant(() => {}))).toEqual([]);
  });

  it('reports a duplicate id', () => {
    const file = variant((f) => {
      f.participants[1]!.id = 'row-1';
    });
    expect(checkReferences(file)).toContainEqual({ path: ['participants', 1, 'id'], code: 'duplicate_id', params: { id: 'row-1' } });
  });

  it('reports an unknown file in a row', () => {
    const file = variant((f) => {
      f.participants[0]!.documents[0]!.file = 'f-missing';
    });
    expect(checkReferences(file)).toEqual([
      { path: ['participants', 0, 'documents', 0, 'file'], code: 'unknown_file', params: { id: 'f-missing' } },
    ]);
  });

  it('reports an unknown subject', () => {
    const file = variant((f) => {
      f.participants[0]!['subject'] = 'chemistry';
    });
    expect(checkReferences(file)).toEqual([{ path: ['participants', 0, 'subject'], code: 'unknown_subject', params: { id: 'chemistry' } }]);
  });

  it('reports reversed course dates', () => {
    const file = variant((f) => {
      f.program.courseEnd = '2026-03-13';
    });
    expect(checkReferences(file)).toEqual([
      { path: ['program', 'courseEnd'], code: 'course_dates_reversed', params: { start: '2026-03-16', end: '2026-03-13' } },
    ]);
  });

  it('requires create_draft first and once', () => {
    const file = variant((f) => {
      f.steps = [f.steps[1]!, f.steps[0]!];
      f.steps[1]!.at = '2026-02-16T10:00:00+03:00';
    });
    expect(checkReferences(file).map((problem) => problem.code)).toEqual(['first_step_not_create', 'second_create']);
  });

  it('reports steps out of order', () => {
    const file = variant((f) => {
      f.steps[3]!.at = '2026-02-17T10:00:00+03:00';
    });
    expect(checkReferences(file)).toEqual([
      {
        path: ['steps', 3, 'at'],
        code: 'steps_out_of_order',
        params: { at: '2026-02-17T10:00:00+03:00', previous: '2026-02-18T14:20:00+03:00' },
      },
    ]);
  });

  it('keeps the system to tick steps', () => {
    const file = variant((f) => {
      f.steps[1]!.actor = 'system';
      f.steps.push({ at: '2026-04-08T00:00:00+03:00', actor: 'staff-lebedev', action: 'tick' });
    });
    expect(checkReferences(file).map((problem) => problem.code)).toEqual(['system_step_not_tick', 'tick_not_system']);
  });
});

describe('parseApplicationFile', () => {
  it('names an unknown field', () => {
    const json = JSON.parse(source);
    json.steps[5].comment = 'лишнее поле';
    const result = parseApplicationFile(JSON.stringify(json));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(['steps[5].comment']);
  });

  it('reports a missing section in English', () => {
    const json = JSON.parse(source);
    delete json.steps;
    const result = parseApplicationFile(JSON.stringify(json), 'en');
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(['steps']);
  });

  it('lists every step action', () => {
    expect(stepActions).toHaveLength(31);
    expect(stepActions).toContain('dispatch_package');
  });
});

describe('parseApplicationFile on broken JSON', () => {
  const messageOf = (text: string, locale: 'ru' | 'en' = 'ru') => {
    const result = parseApplicationFile(text, locale);
    return result.ok ? '' : (result.problems[0]?.message ?? '');
  };

  it('gives the line and column of a trailing comma', () => {
    expect(messageOf('{\n  "title": "x",\n}')).toBe(
      'Файл не является корректным JSON: в строке 3, столбце 1 ожидается имя поля в двойных кавычках (нет ли лишней запятой перед «}»?). Проверьте запятые, кавычки и скобки.',
    );
  });

  it('points at an unquoted value', () => {
    expect(messageOf('{"title": x}')).toContain('в строке 1, столбце 11 недопустимый символ');
  });

  it('reports text after the value', () => {
    expect(messageOf('{}\n}', 'en')).toBe(
      'The file is not valid JSON: at line 2, column 1, text follows the end of the JSON value. Check the commas, quotes and brackets.',
    );
  });

  it('reports an empty file', () => {
    expect(messageOf('')).toContain('в конце файла (строка 1, столбец 1) ожидается значение');
  });
});

describe('checkReadableReferences', () => {
  const raw = () => JSON.parse(source) as Record<string, any>;

  it('checks the readable steps of a malformed file', () => {
    const json = raw();
    json.steps[3].at = 'yesterday';
    json.steps[4].actor = 'nobody';
    json.steps[6].rows = ['row-1', 'row-9'];
    json.steps[6].note = 42;

    expect(checkReadableReferences(readableFile(json))).toEqual([{ path: ['steps', 4, 'actor'], code: 'unknown_actor', params: { id: 'nobody' } }]);
  });

  it('reports no unknown id when a section entry has no id', () => {
    const json = raw();
    delete json.files[0].id;
    json.steps[0].at = 'yesterday';

    expect(checkReadableReferences(readableFile(json)).filter((problem) => problem.code === 'unknown_file')).toEqual([]);
  });

  it('reports unknown files when the files section is readable', () => {
    const json = raw();
    json.steps[0].at = 'yesterday';
    json.participants[0].documents[0].file = 'f-missing';

    expect(checkReadableReferences(readableFile(json))).toEqual([
      { path: ['participants', 0, 'documents', 0, 'file'], code: 'unknown_file', params: { id: 'f-missing' } },
    ]);
  });
});
