import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTextPdf } from '../src/pdf.js';
import { removeDirectory, startServerProcess, temporaryDirectory, type ServerProcess } from './support/server-process.js';

// The whole flow in a browser: a representative files an application, staff reject a document, the representative
// replaces it, and the procedure runs to the course access and the code word. Screenshots of the main screens go to
// examples/server/test-results/screenshots/.

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(
    `SKIPPED examples/server/test/e2e.test.ts: no Chromium at ${chromiumPath}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH) to run the browser test.`,
  );
}

const screenshotsDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const viteConfig = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

// 09:00 Moscow time on Monday 25 January 2027: the February 2027 cohort takes applications until 4 February.
const serverStart = '2027-01-25T09:00:00+03:00';

const pdf = (name: string, text: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(createTextPdf([text])) });

let dataDir: string;
let server: ServerProcess;
let browser: BrowserContext;
let representative: Page;
let staff: Page;

// Each tab keeps its own session (the page stores the token in sessionStorage), so one browser serves both actors.
async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  page.setDefaultTimeout(15_000);
  return page;
}

/** Saves a screenshot: of one element, of the visible part of the page, or (by default) of the whole page. */
async function screenshot(page: Page, name: string, target?: Locator | 'viewport'): Promise<void> {
  const path = join(screenshotsDir, `${name}.png`);
  if (target === 'viewport') await page.screenshot({ path });
  else if (target) await target.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

async function expectState(page: Page, label: string): Promise<void> {
  await expect.poll(() => page.getByTestId('state').textContent(), { timeout: 15_000 }).toBe(label);
}

async function openApplication(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/#/applications/${id}`);
  await page.reload();
  await page.locator('.application-page').waitFor();
}

function documentItem(page: Page, row: number, kind: string): Locator {
  return page.locator('.row-documents-view').nth(row).locator(`li.document[data-kind="${kind}"]`);
}

function command(page: Page, type: string): Locator {
  return page.locator(`li.command[data-command="${type}"]`);
}

/** Lists the form controls without a label, which a screen reader could not name. */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement>('input, select, textarea'))
      .filter((control) => control.type !== 'hidden' && control.labels !== null && control.labels.length === 0 && !control.getAttribute('aria-label'))
      .map((control) => control.name || control.outerHTML.slice(0, 80)),
  );
}

async function fillRow(page: Page, index: number, values: Record<string, string>): Promise<void> {
  const row = page.locator('fieldset.row-editor').nth(index);
  for (const [field, value] of Object.entries(values)) {
    const control = row.locator(`[name="participants.${index}.${field}"]`);
    if (field === 'subject' || field === 'education') await control.selectOption(value);
    else if (field === 'sex') await row.locator(`[name="participants.${index}.sex"][value="${value}"]`).check();
    else await control.fill(value);
  }
}

describe.skipIf(!hasChromium)('web page end to end', () => {
  let applicationId: string;

  beforeAll(async () => {
    await mkdir(screenshotsDir, { recursive: true });
    dataDir = await temporaryDirectory('fioco-flow-e2e-');
    const webDir = join(dataDir, 'web');
    await build({ configFile: viteConfig, logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });

    server = await startServerProcess({ dataDir, env: { FIOCO_NOW: serverStart, FIOCO_CLOCK_CONTROL: '1', WEB_DIR: webDir } });
    // A fresh profile directory; the browser is in Vladivostok, so the page shows Moscow time and local time.
    browser = await chromium.launchPersistentContext(join(dataDir, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      locale: 'ru-RU',
      timezoneId: 'Asia/Vladivostok',
      acceptDownloads: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    representative = await newPage();
    staff = await newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDirectory(dataDir);
  });

  it('signs the representative in from the sign-in screen', async () => {
    await representative.goto(`${server.url}/`);
    await representative.getByRole('heading', { name: 'Вход в демонстрацию' }).waitFor();
    await screenshot(representative, '01-sign-in');

    const card = representative.locator('form[data-account="representative"]');
    await card.getByLabel('Токен доступа').fill(server.tokens.representative);
    await card.getByRole('button', { name: 'Войти' }).click();

    await representative.getByRole('heading', { name: 'Программы' }).waitFor();
    await expect.poll(() => representative.locator('[data-program="vpr-2027-02"]').textContent()).toContain('предварительный');
    await screenshot(representative, '02-representative-home');
  });

  it('shows every validation error next to its field', async () => {
    await representative.locator('[data-program="vpr-2027-02"] a.button').click();
    await representative.locator('form.draft-form').waitFor();
    expect(await representative.locator('[name="organization.inn"]').inputValue()).toBe('5047120006');

    await representative.getByLabel('Предоплата 100 %').check();
    await representative.getByLabel('На бумаге, оригиналы по почте').check();
    await fillRow(representative, 0, {
      subject: 'russian',
      lastName: 'Смирнова',
      firstName: 'Ольга',
      patronymic: 'Викторовна',
      sex: 'female',
      birthDate: '1985-06-14',
      snils: '214-354-650 41',
      email: 'smirnova.ov@svetloozersk-edu.ru',
      phone: '+7 916 204-37-18',
      position: 'учитель русского языка и литературы',
      education: 'higher',
      diplomaSurname: 'Смирнова',
      diplomaSeries: '107724',
      diplomaNumber: '0012345',
    });
    await representative.setInputFiles('[name="participants.0.documents.diploma"]', pdf('diploma-smirnova.pdf', 'Diploma scan, row 1'));
    await representative.setInputFiles('[name="participants.0.documents.snils"]', pdf('snils-smirnova.pdf', 'SNILS scan, row 1'));

    await representative.getByRole('button', { name: 'Добавить участника' }).click();
    await fillRow(representative, 1, {
      subject: 'mathematics',
      lastName: 'Кузнецов',
      firstName: 'Игорь',
      patronymic: 'Петрович',
      sex: 'male',
      birthDate: '1979-11-03',
      snils: '309-182-730 70',
      email: 'kuznetsov.ip@svetloozersk-edu.ru',
      phone: '8 (920) 155-62-90',
      position: 'учитель математики',
      education: 'higher',
      diplomaSurname: 'Кузнецов',
      diplomaSeries: '106905',
      diplomaNumber: '1174302',
    });
    await representative.setInputFiles('[name="participants.1.documents.diploma"]', pdf('diploma-kuznetsov.pdf', 'Diploma scan, row 2'));
    await representative.setInputFiles('[name="participants.1.documents.snils"]', pdf('snils-kuznetsov.pdf', 'SNILS scan, row 2'));
    expect(await unlabelledControls(representative)).toEqual([]);

    // The SNILS of row 1 fails its checksum, so the draft rejects the row and shows why at the field.
    await representative.getByRole('button', { name: 'Отправить заявку' }).click();
    const snilsField = representative.locator('.field', { has: representative.locator('[name="participants.0.snils"]') });
    await expect.poll(() => snilsField.locator('.field-errors').textContent()).toMatch(/СНИЛС.*контрольн/u);
    expect(await representative.locator('[name="participants.0.snils"]').getAttribute('aria-invalid')).toBe('true');
    await screenshot(representative, '03-form-field-errors');

    // With the SNILS fixed the rows are saved; submission then reports the consents that are not given.
    await representative.locator('[name="participants.0.snils"]').fill('214-354-650 40');
    await representative.getByRole('button', { name: 'Отправить заявку' }).click();
    const consentField = representative.locator('.field', { has: representative.locator('[name="consents.personalData"]') });
    await expect.poll(() => consentField.locator('.field-errors').textContent()).toMatch(/согласи/iu);
    await expect.poll(() => snilsField.locator('.field-errors').count()).toBe(0);
    await screenshot(representative, '04-form-submission-errors');

    await representative.locator('[name="consents.personalData"]').check();
    await representative.locator('[name="consents.dataAccuracy"]').check();
    await representative.getByRole('button', { name: 'Отправить заявку' }).click();
    await representative.waitForURL(/#\/applications\//u);
    await expectState(representative, 'Подана');
    applicationId = decodeURIComponent(representative.url().split('#/applications/')[1]!);

    await expect.poll(() => representative.locator('#deadlines').textContent()).toContain('по московскому времени');
    expect(await representative.locator('#deadlines').textContent()).toContain('Asia/Vladivostok');
    await screenshot(representative, '05-representative-submitted');
  });

  it('lets staff reject one document with a reason and accept the others', async () => {
    await staff.goto(`${server.url}/#/sign-in/staff/${server.tokens.staff}`);
    await staff.getByRole('heading', { name: 'Очередь заявок' }).waitFor();
    await staff.locator(`tr[data-application="${applicationId}"]`).waitFor();
    await screenshot(staff, '06-staff-queue');

    await staff.locator(`tr[data-application="${applicationId}"] a`).click();
    await expectState(staff, 'Подана');

    const diploma = documentItem(staff, 0, 'diploma');
    await diploma.getByLabel('Причина отклонения').fill('Скан диплома нечитаем: загрузите скан с разрешением не ниже 300 dpi.');
    await diploma.getByRole('button', { name: 'Отклонить' }).click();
    await expect.poll(() => documentItem(staff, 0, 'diploma').locator('.badge').first().textContent()).toBe('отклонён');

    for (const [row, kind] of [
      [0, 'snils'],
      [1, 'diploma'],
      [1, 'snils'],
    ] as const) {
      await documentItem(staff, row, kind).getByRole('button', { name: 'Принять' }).click();
      await expect.poll(() => documentItem(staff, row, kind).locator('.badge').first().textContent()).toBe('принят');
    }
    await screenshot(staff, '07-staff-document-review');
  });

  it('lets the representative see the reason and replace the document', async () => {
    await openApplication(representative, applicationId);
    const rejected = documentItem(representative, 0, 'diploma');
    expect(await rejected.locator('.reason').textContent()).toContain('нечитаем');
    await screenshot(representative, '08-representative-rejected-document');

    await rejected.locator('input[type="file"]').setInputFiles(pdf('diploma-smirnova-300dpi.pdf', 'Diploma scan, row 1, 300 dpi'));
    await rejected.getByRole('button', { name: 'Заменить' }).click();
    await expect.poll(() => documentItem(representative, 0, 'diploma').locator('.badge').first().textContent()).toBe('на проверке');

    const thread = representative.locator('#thread');
    await thread.getByLabel('Текст сообщения').fill('Заменили скан диплома Смирновой О. В., прикладываем сопроводительное письмо.');
    await thread.locator('input[type="file"]').setInputFiles(pdf('letter.pdf', 'Cover letter'));
    await thread.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => representative.locator('#thread .message').count()).toBe(1);
  });

  it('highlights the overdue review in the staff queue', async () => {
    // The replacement was uploaded on Monday 25 January; its review is due by the end of Thursday 28 January.
    const moved = await fetch(`${server.url}/demo/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2027-01-29T10:00:00+03:00' }),
    });
    expect(moved.status).toBe(200);

    await staff.goto(`${server.url}/#/`);
    await staff.reload();
    const row = staff.locator(`tr[data-application="${applicationId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('class')).toBe('overdue');
    // The application's own review (from submission) and the replacement's review both ended on 28 January.
    expect(await row.locator('.badge').allTextContents()).toEqual(['просрочена проверка заявки', 'просрочена проверка документов: 1']);
    await screenshot(staff, '09-staff-queue-overdue');
  });

  it('lets staff accept the replacement and take the application into work', async () => {
    await openApplication(staff, applicationId);
    expect(await documentItem(staff, 0, 'diploma').locator('.badge').nth(1).textContent()).toBe('просрочено');
    await documentItem(staff, 0, 'diploma').getByRole('button', { name: 'Принять' }).click();
    await expect.poll(() => documentItem(staff, 0, 'diploma').locator('.badge').first().textContent()).toBe('принят');

    await command(staff, 'application.take_into_work').getByRole('button').click();
    await expectState(staff, 'В работе: ожидается подписанный договор');
  });

  it('lets the representative download the draft and upload the signed scans', async () => {
    await openApplication(representative, applicationId);
    const contract = representative.locator('#contract');
    const download = representative.waitForEvent('download');
    await contract.getByRole('button', { name: 'Проект договора' }).click();
    expect((await download).suggestedFilename()).toBe('Проект договора (предоплата).pdf');

    const upload = command(representative, 'contract.upload_signed');
    await upload.locator('summary').click();
    await upload.locator('input[name="contract"]').setInputFiles(pdf('contract-signed.pdf', 'Signed contract'));
    await upload.locator('input[name="consent"]').setInputFiles(pdf('consent-signed.pdf', 'Signed consent'));
    await upload.getByRole('button', { name: 'Загрузить подписанный договор и согласие' }).click();
    await expectState(representative, 'В работе: подписанный договор на проверке');
    await screenshot(representative, '10-representative-contract');
  });

  it('lets staff confirm the contract', async () => {
    await openApplication(staff, applicationId);
    await command(staff, 'contract.confirm').getByRole('button').click();
    await expectState(staff, 'Договор заключён, идёт обучение');
    await screenshot(staff, '11-staff-contract-confirmed');
  });

  it('gives the representative the course link and the code word', async () => {
    await openApplication(representative, applicationId);
    const access = representative.locator('#access');
    await access.waitFor();

    expect(await access.getByTestId('code-word').textContent()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/u);
    expect(await access.getByRole('link').getAttribute('href')).toBe('https://dpo.fioco.ru/course/view.php?id=498');
    expect(await access.locator('.reminder').textContent()).toContain('ЭО и ДОТ ФИОКО (https://dpo.fioco.ru)');
    await screenshot(representative, '12-representative-course-access');
    await screenshot(representative, '13-state-chart', representative.locator('#where'));
  });

  it('fits a phone-sized screen and switches to English', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${server.url}/#/sign-in/representative/${server.tokens.representative}`);
    await phone.getByRole('heading', { name: 'Программы' }).waitFor();
    await openApplication(phone, applicationId);
    await phone.locator('#access').waitFor();

    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, '14-phone-application', 'viewport');

    await phone.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => phone.getByTestId('state').textContent()).toBe('Contract concluded, course in progress');
    await screenshot(phone, '15-phone-application-english', 'viewport');
  });
});
