-- One site search over content, forms and what other modules add: PostgreSQL full text with trigram spelling help.

create extension if not exists pg_trgm;

-- Everything search can find, one row per item. Site content is kept here by a trigger on site_published; other
-- modules' items (forms, community services) come through SearchSource and are re-indexed by source.
create table site_search_documents (
  source text not null,
  key text not null,
  kind text not null,
  title text not null,
  summary text not null default '',
  url text not null,
  body text not null default '',
  -- The date a result shows: an event's start, a news story's or a publication's date.
  date timestamptz,
  tsv tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', summary), 'B') ||
    setweight(to_tsvector('english', body), 'C')
  ) stored,
  indexed_at timestamptz not null default now(),
  primary key (source, key)
);
create index site_search_documents_tsv on site_search_documents using gin (tsv);
create index site_search_documents_title_trgm on site_search_documents using gin (lower(title) gin_trgm_ops);
create index site_search_documents_url on site_search_documents (url);
create index site_search_documents_kind on site_search_documents (kind);

-- The words of rich text and of the other text fields in a content document: every "text", "title", "summary" and
-- "name" string at any depth (inline runs, headings, section and step titles, details summaries, venue names).
create function site_search_body(fields jsonb) returns text language sql immutable parallel safe as $$
  select coalesce(string_agg(found #>> '{}', ' '), '')
  from jsonb_path_query(fields,
    'strict $.** ? (@.type() == "object").keyvalue() ? (@.key == "text" || @.key == "title" || @.key == "summary" || @.key == "name") ? (@.value.type() == "string").value'
  ) as found
$$;

-- Live content in, unpublished content out, in the same transaction as the change. Alerts have no page: not indexed.
create function site_search_index_published() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or new.path is null then
    delete from site_search_documents where source = 'site' and key = coalesce(old.content_id, new.content_id)::text;
    return null;
  end if;
  insert into site_search_documents (source, key, kind, title, summary, url, body, date, indexed_at)
  values (
    'site', new.content_id::text, new.type, new.title, new.summary, new.path,
    site_search_body(new.document -> 'fields'),
    case new.type
      when 'event' then (new.document #>> '{fields,startsAt}')::timestamptz
      when 'news' then (new.document #>> '{fields,date}')::date::timestamptz
      when 'publication' then (new.document #>> '{fields,publishedOn}')::date::timestamptz
    end,
    now()
  )
  on conflict (source, key) do update set
    kind = excluded.kind, title = excluded.title, summary = excluded.summary, url = excluded.url,
    body = excluded.body, date = excluded.date, indexed_at = excluded.indexed_at;
  return null;
end $$;
create trigger site_published_search after insert or update or delete on site_published
  for each row execute function site_search_index_published();

-- The vocabulary of indexed text with how many items use each word: the spelling suggestions ("strretlight" →
-- "streetlight") come from here, so they are always words the site actually has.
create table site_search_words (
  word text primary key,
  documents integer not null
);
create index site_search_words_trgm on site_search_words using gin (word gin_trgm_ops);

create function site_search_words_of(title text, summary text, body text) returns setof text language sql immutable parallel safe as $$
  select distinct w from regexp_split_to_table(lower(title || ' ' || summary || ' ' || body), '[^[:alpha:]]+') as w
  where char_length(w) between 3 and 40
$$;

create function site_search_count_words() returns trigger language plpgsql as $$
declare
  added text[] := '{}';
  removed text[] := '{}';
begin
  if tg_op in ('INSERT', 'UPDATE') then
    added := array(select site_search_words_of(new.title, new.summary, new.body));
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    removed := array(select site_search_words_of(old.title, old.summary, old.body));
  end if;
  if tg_op = 'UPDATE' then
    select array(select unnest(added) except select unnest(removed)), array(select unnest(removed) except select unnest(added))
      into added, removed;
  end if;
  -- One statement in word order, so two transactions changing the same words take their locks in the same order.
  insert into site_search_words (word, documents)
  select word, sum(delta)::integer from (
    select unnest(added) as word, 1 as delta
    union all
    select unnest(removed), -1
  ) as changes
  group by word
  order by word
  on conflict (word) do update set documents = site_search_words.documents + excluded.documents;
  delete from site_search_words where word = any(removed) and documents <= 0;
  return null;
end $$;
create trigger site_search_documents_words after insert or update or delete on site_search_documents
  for each row execute function site_search_count_words();

-- Editors' synonyms: every word in a group finds items with any of the others ("bin", "refuse", "rubbish").
create table site_search_synonyms (
  id uuid primary key default gen_random_uuid(),
  words text[] not null check (cardinality(words) between 2 and 20),
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index site_search_synonyms_words on site_search_synonyms using gin (words);

create aggregate site_search_any(tsquery) (sfunc = tsquery_or, stype = tsquery);

-- The groups as ts_rewrite rules: each word's query is replaced by "any word of its group". Stop words drop out.
create view site_search_synonym_rules as
  select plainto_tsquery('english', word) as target, grouped.substitute
  from site_search_synonyms g
  cross join lateral (
    select site_search_any(plainto_tsquery('english', w)) as substitute from unnest(g.words) as w
    where numnode(plainto_tsquery('english', w)) > 0
  ) as grouped
  cross join lateral unnest(g.words) as word
  where numnode(plainto_tsquery('english', word)) > 0;

-- Items editors pin to a query (normalised: lower case, trimmed, single spaces), shown first in that order.
create table site_search_best_bets (
  query text not null check (query <> '' and query = lower(query)),
  url text not null,
  position integer not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (query, url)
);

-- Searches that found nothing: what residents look for and the site does not have. Queries that look like
-- personal data are stored as "[personal data removed]", never as typed.
create table site_search_misses (
  query text primary key,
  searches integer not null default 1,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index site_search_misses_frequent on site_search_misses (searches desc, last_seen_at desc);

-- Content published before search existed goes in through the trigger above.
update site_published set version = version;
