import type { Area } from '../../../platform/geo/geography.ts';
import type { Report } from '../records.ts';
import { STATE_LABELS } from '../states.ts';

interface FeedInput {
  baseUrl: string;
  councilName: string;
  ward: Area;
  reports: Report[];
  categoryName(code: string): string;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An Atom 1.0 feed of a ward's newest reports: no personal data, as on the public report page. */
export function atomFeed({ baseUrl, councilName, ward, reports, categoryName }: FeedInput): string {
  const self = `${baseUrl}/reports/wards/${encodeURIComponent(ward.code)}/feed.atom`;
  const updated = reports.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), new Date(0));
  const entries = reports.map((r) => {
    const link = `${baseUrl}/reports/${r.reference}`;
    const title = `${categoryName(r.categoryCode)}: ${r.reference}`;
    const summary = `${STATE_LABELS[r.state]}. ${r.description.slice(0, 300)}`;
    return `  <entry>
    <id>${escapeXml(link)}</id>
    <title>${escapeXml(title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <published>${r.createdAt.toISOString()}</published>
    <updated>${r.updatedAt.toISOString()}</updated>
    <summary>${escapeXml(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(self)}</id>
  <title>${escapeXml(`Reports in ${ward.name} – ${councilName}`)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${baseUrl}/reports?ward=${encodeURIComponent(ward.code)}`)}"/>
  <author><name>${escapeXml(councilName)}</name></author>
  <updated>${(reports.length ? updated : new Date()).toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
}
