import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface Person {
  id: string;
  email: string;
  name: string | null;
  roles: string[];
  twoFactor: boolean;
  lastSignInAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who has which roles, for the people who manage staff accounts. */
export class StaffDirectory {
  constructor(private readonly db: Db) {}

  /** Everyone with at least one role, by name then email. */
  async staff(): Promise<Person[]> {
    return this.people().where(sql<boolean>`exists (select 1 from user_roles ur where ur.user_id = users.id)`).orderBy('name').orderBy('email').execute();
  }

  async person(id: string): Promise<Person | undefined> {
    if (!UUID.test(id)) return undefined;
    return this.people().where('id', '=', id).executeTakeFirst();
  }

  async personByEmail(email: string): Promise<Person | undefined> {
    return this.people().where(sql<string>`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  /** What each permission the person holds lets them do, in plain words. */
  async permissionsDescribed(permissions: Iterable<string>): Promise<{ name: string; description: string }[]> {
    const names = [...permissions];
    if (!names.length) return [];
    return this.db.selectFrom('permissions').select(['name', 'description']).where('name', 'in', names).orderBy('name').execute();
  }

  private people() {
    return this.db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .select(sql<string[]>`coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = users.id), '{}')`.as('roles'))
      .select(sql<boolean>`totp_enabled_at is not null`.as('twoFactor'))
      .select('last_sign_in_at as lastSignInAt');
  }
}
