import type { ReportCategory } from '../categories/catalogue.ts';
import type { CategoryQuestion } from '../categories/questions.ts';
import { list, type Open311Object } from './format.ts';

/** An attribute of a service definition, as GeoReport v2 (and mySociety's `automated`) describe it. */
export interface ServiceAttribute {
  code: string;
  /** GeoReport v2 also has number, datetime, text and multivaluelist; no category question needs them yet. */
  datatype: 'string' | 'singlevaluelist';
  required: boolean;
  description: string;
  datatypeDescription: string | null;
  values: { key: string; name: string }[];
  /**
   * mySociety's extension. `hidden_field`: the client fills it in without asking (FixMyStreet
   * takes it from the asset its map layer selected); `server_set`: the client's server sets it.
   */
  automated?: 'hidden_field' | 'server_set';
}

/** The attribute that carries the asset a report is about; the pipeline takes it as `assetId`, not as an answer. */
export const ASSET_ATTRIBUTE = 'asset_id';

const ASSET_NAMES: Record<NonNullable<ReportCategory['assetLayer']>, string> = { streetlights: 'streetlight', gullies: 'drain (gully)' };

/**
 * A category's attributes: its questions (the same ones the pipeline checks answers against,
 * which the category's form asks residents), then the asset it is about when it has an asset layer.
 */
export function attributesOf(category: ReportCategory): ServiceAttribute[] {
  const attributes = category.questions.map(questionAttribute);
  if (category.assetLayer) {
    const name = ASSET_NAMES[category.assetLayer];
    attributes.push({
      code: ASSET_ATTRIBUTE,
      datatype: 'string',
      // Not required: without it the report is placed by lat and long, as a map without the layer would.
      required: false,
      description: `The number on the ${name}'s plate, if you know it`,
      datatypeDescription: `The ${name}'s number, like ${category.assetLayer === 'streetlights' ? 'SL-01234' : 'GY-01234'}`,
      values: [],
      automated: 'hidden_field',
    });
  }
  return attributes;
}

function questionAttribute(question: CategoryQuestion): ServiceAttribute {
  return {
    code: question.code,
    datatype: 'singlevaluelist',
    required: question.required,
    description: question.label,
    datatypeDescription: question.kind === 'yes-no' ? 'yes or no' : 'One of the keys listed',
    values: question.options.map((o) => ({ key: o.value, name: o.text })),
  };
}

/** One entry of GET services. */
export function serviceOf(category: ReportCategory): Open311Object {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.description,
    metadata: attributesOf(category).length > 0,
    type: 'realtime',
    keywords: keywordsOf(category),
    group: category.group,
    // mySociety's extension: a service may sit in several groups; FixMyStreet reads this wrapper.
    groups: list('group', [category.group]),
  };
}

/** Words people might search for besides the name: the group, and the asset it is about. */
function keywordsOf(category: ReportCategory): string {
  const words = [category.group.toLowerCase(), ...(category.assetLayer ? [ASSET_NAMES[category.assetLayer]] : [])];
  return [...new Set(words)].join(',');
}

/** GET services/{code}: the service definition. */
export function definitionOf(category: ReportCategory): Open311Object {
  return {
    service_code: category.code,
    attributes: list(
      'attribute',
      attributesOf(category).map((a, index) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatypeDescription,
        order: index + 1,
        description: a.description,
        values: list(
          'value',
          a.values.map((v) => ({ key: v.key, name: v.name })),
        ),
        automated: a.automated,
      })),
    ),
  };
}
