import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Actor, OrganizationFields } from '@fioco-flow/core';
import { ConfigError } from './config.js';

/** The demo school: the one organization of the demo, with the requisites its applications are filed with. */
export const demoOrganization = {
  id: 'org-demo-school',
  shortName: 'МБОУ «СОШ № 5» г. Светлоозёрска',
  requisites: {
    fullName:
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5» городского округа Светлоозёрск Московской области',
    inn: '5047120006',
    kpp: '504701001',
    ogrn: '1025004700005',
    postalAddress: '141407, Московская область, г. Светлоозёрск, ул. Учительская, д. 5',
    headName: 'Кравцова Наталья Игоревна',
    headPosition: 'Директор',
    email: 'school5@svetloozersk-edu.ru',
    phone: '+74957350505',
  } satisfies OrganizationFields,
} as const;

/** A demo account: the actor it authenticates as, and what the sign-in screen shows of it. */
export interface DemoAccount {
  readonly key: 'representative' | 'staff';
  readonly actor: Actor;
  readonly name: string;
  readonly position: string;
  /** The organization's short name for a representative, the institute for staff. */
  readonly organization: string;
}

/** The two demo accounts: a representative of the demo school and a member of the institute's staff. */
export const demoAccounts: readonly DemoAccount[] = [
  {
    key: 'representative',
    actor: { id: 'rep-grigorieva', role: 'representative', organizationId: demoOrganization.id },
    name: 'Григорьева Анна Сергеевна',
    position: 'заместитель директора по учебно-воспитательной работе',
    organization: demoOrganization.shortName,
  },
  {
    key: 'staff',
    actor: { id: 'staff-pavlov', role: 'staff' },
    name: 'Павлов Сергей Михайлович',
    position: 'специалист отдела сопровождения договоров',
    organization: 'ФГБУ «ФИОКО»',
  },
];

/** The bearer token of each demo account. */
export type DemoTokens = Readonly<Record<DemoAccount['key'], string>>;

/** The source of the tokens, for the start-up banner. */
export type TokenSource = 'environment' | 'file' | 'generated';

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Gives the demo tokens: from `DEMO_REPRESENTATIVE_TOKEN`/`DEMO_STAFF_TOKEN` when set, else from the tokens file
 * when it exists, else new random ones (written to the tokens file when one is named, so that scripts can read
 * them).
 *
 * @throws {ConfigError} when the tokens file exists but is not `{ "representative": "…", "staff": "…" }`.
 */
export async function loadDemoTokens(options: {
  readonly tokensFile: string | null;
  readonly representativeToken: string | null;
  readonly staffToken: string | null;
}): Promise<{ tokens: DemoTokens; source: TokenSource }> {
  if (options.representativeToken !== null && options.staffToken !== null) {
    return { tokens: { representative: options.representativeToken, staff: options.staffToken }, source: 'environment' };
  }

  if (options.tokensFile !== null) {
    const fromFile = await readTokensFile(options.tokensFile);
    if (fromFile !== null) {
      return {
        tokens: {
          representative: options.representativeToken ?? fromFile.representative,
          staff: options.staffToken ?? fromFile.staff,
        },
        source: 'file',
      };
    }
  }

  const tokens = { representative: options.representativeToken ?? newToken(), staff: options.staffToken ?? newToken() };
  if (options.tokensFile !== null) {
    await mkdir(dirname(options.tokensFile), { recursive: true });
    await writeFile(options.tokensFile, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  }
  return { tokens, source: 'generated' };
}

async function readTokensFile(path: string): Promise<DemoTokens | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const record = value as Partial<Record<string, unknown>> | null;
  if (typeof record?.representative !== 'string' || typeof record.staff !== 'string') {
    throw new ConfigError(
      `The tokens file ${path} is not {"representative": "…", "staff": "…"}. Fix it, or delete it to get new tokens.`,
    );
  }
  return { representative: record.representative, staff: record.staff };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Creates the `authenticate` hook of the HTTP adapter: `Authorization: Bearer <token>` of a demo account gives
 * its actor, anything else `null`. Tokens are compared through their SHA-256 digests in constant time.
 */
export function createAuthenticator(tokens: DemoTokens): (request: Request) => Actor | null {
  const known = demoAccounts.map((account) => ({ actor: account.actor, digest: digest(tokens[account.key]) }));

  return (request) => {
    const header = request.headers.get('authorization');
    const match = header === null ? null : /^Bearer\s+(\S+)\s*$/iu.exec(header);
    if (match === null) return null;

    const given = digest(match[1]!);
    let actor: Actor | null = null;
    // Every account is compared, so the time taken does not tell which one matched.
    for (const account of known) {
      if (timingSafeEqual(given, account.digest)) actor = account.actor;
    }
    return actor;
  };
}
