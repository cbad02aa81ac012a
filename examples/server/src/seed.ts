import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { programSchema, type FileRef, type FileStore, type Program } from '@fioco-flow/core';
import { createTextPdf } from './pdf.js';

/** The institute's templates a program refers to: a contract draft per payment terms and the consent form. */
export interface ProgramTemplates {
  readonly contract: { readonly prepayment: FileRef; readonly postpayment: FileRef };
  readonly consentForm: FileRef;
}

const templateTexts = {
  prepayment: ['FGBU FIOCO - further education contract', 'DRAFT for the demo: payment terms PREPAYMENT (100 %)', 'Sign by the head of the organization, seal, scan, upload.'],
  postpayment: ['FGBU FIOCO - further education contract', 'DRAFT for the demo: payment terms POSTPAYMENT', 'Sign by the head of the organization, seal, scan, upload.'],
  consentForm: ['FGBU FIOCO - consent to the processing of personal data', 'FORM for the demo: one per application, signed by the head.'],
} as const;

type TemplateKey = keyof typeof templateTexts;

const manifestName = 'demo-templates.json';

/**
 * Puts the template files into the file store once and returns their references. The references are kept in
 * `demo-templates.json` in the files directory, because applications keep the program as it was when they were
 * created: a restart must not give the same templates new ids.
 */
export async function seedTemplates(files: FileStore, filesDir: string): Promise<ProgramTemplates> {
  const manifestPath = join(filesDir, manifestName);
  const known = await readManifest(manifestPath);

  const refs = {} as Record<TemplateKey, FileRef>;
  for (const key of Object.keys(templateTexts) as TemplateKey[]) {
    const existing = known[key];
    if (existing !== undefined && (await files.get(existing.id)) !== undefined) {
      refs[key] = existing;
      continue;
    }
    refs[key] = await files.put(createTextPdf(templateTexts[key]), { name: templateFileName(key), mediaType: 'application/pdf' });
  }

  await writeFile(manifestPath, `${JSON.stringify(refs, null, 2)}\n`);
  return { contract: { prepayment: refs.prepayment, postpayment: refs.postpayment }, consentForm: refs.consentForm };
}

function templateFileName(key: TemplateKey): string {
  switch (key) {
    case 'prepayment':
      return 'Проект договора (предоплата).pdf';
    case 'postpayment':
      return 'Проект договора (постоплата).pdf';
    case 'consentForm':
      return 'Согласие на обработку персональных данных.pdf';
  }
}

async function readManifest(path: string): Promise<Partial<Record<TemplateKey, FileRef>>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Partial<Record<TemplateKey, FileRef>>;
  } catch (error) {
    // A missing or damaged manifest only costs new copies of three small files.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return {};
    throw error;
  }
}

const vprTitle = {
  ru: 'Оценивание ответов на задания всероссийских проверочных работ',
  en: 'Marking answers to the tasks of the All-Russian tests (VPR)',
};

const vprSubjects = [
  { id: 'russian', title: { ru: 'Русский язык', en: 'Russian language' } },
  { id: 'mathematics', title: { ru: 'Математика', en: 'Mathematics' } },
  { id: 'history', title: { ru: 'История', en: 'History' } },
  { id: 'social-studies', title: { ru: 'Обществознание', en: 'Social studies' } },
  { id: 'biology', title: { ru: 'Биология', en: 'Biology' } },
  { id: 'geography', title: { ru: 'География', en: 'Geography' } },
];

/**
 * Builds the demo's programs: two cohorts of the VPR marking course. The March 2026 cohort is the one the procedure's
 * examples use; the February 2027 cohort lies ahead, so that an application can be filed today. Its deadlines
 * are counted on the 2027 calendar, which is provisional until the Government's decree on the 2027 transfers.
 */
export function demoPrograms(templates: ProgramTemplates): Program[] {
  const cohort = (id: string, courseStart: string, courseEnd: string, courseId: number) =>
    programSchema.parse({
      id,
      title: vprTitle,
      hours: 36,
      courseStart,
      courseEnd,
      courseUrl: `https://dpo.fioco.ru/course/view.php?id=${courseId}`,
      pricePerRow: 450_000,
      subjects: vprSubjects,
      requiredDocuments: ['diploma', 'snils'],
      templates,
    });

  return [cohort('vpr-2026-03', '2026-03-16', '2026-03-27', 412), cohort('vpr-2027-02', '2027-02-15', '2027-02-26', 498)];
}
