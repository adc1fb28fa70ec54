import type { Executor } from '../db/database.ts';

/** A card on the My Account dashboard, contributed by a module (reports, forms, directory…). */
export interface AccountCard {
  title: string;
  /** Short lines such as "2 open reports"; links are optional. */
  items: { text: string; href?: string; status?: string }[];
  /** Where to see everything of this kind. */
  link?: { href: string; text: string };
  emptyText?: string;
}

export interface AccountCardProvider {
  id: string;
  card(userId: string): Promise<AccountCard | null>;
}

/**
 * A module's share of a person's data: what "download my data" includes, and what
 * happens to it when the account is deleted.
 */
export interface PersonalDataProvider {
  id: string;
  /** Everything this module holds about the person, as plain JSON. */
  export(userId: string): Promise<unknown>;
  /** Deletes or detaches the person's data inside the deletion transaction. */
  erase(userId: string, trx: Executor): Promise<void>;
  /** Plain-English lines for the delete page: what is kept, and why. */
  retained: string[];
}

export class PersonalDataRegistry {
  readonly cards: AccountCardProvider[] = [];
  readonly data: PersonalDataProvider[] = [];

  addCard(provider: AccountCardProvider): void {
    this.cards.push(provider);
  }

  addData(provider: PersonalDataProvider): void {
    this.data.push(provider);
  }
}
