-- Menus, the site's name and logo, and redirects show on (or decide) every page: a change to them tells every app
-- node to drop its cached pages and reload its copy, on the same channel as live content.
create function site_chrome_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('site_published', tg_table_name);
  return null;
end $$;

create trigger site_settings_notify after insert or update or delete or truncate on site_settings
  for each statement execute function site_chrome_changed();
create trigger site_menu_links_notify after insert or update or delete or truncate on site_menu_links
  for each statement execute function site_chrome_changed();
create trigger site_redirects_notify after insert or update or delete or truncate on site_redirects
  for each statement execute function site_chrome_changed();
