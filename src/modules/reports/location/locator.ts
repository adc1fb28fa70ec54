import type pg from 'pg';
import type { Geography } from '../../../platform/geo/geography.ts';
import type { Gazetteer } from '../../../platform/geo/gazetteer.ts';
import type { LonLat } from '../../../platform/geo/distance.ts';
import { ReportRejected, type LocateResult, type Responsibility } from '../contracts.ts';
import type { Categories, ReportCategory } from '../categories/catalogue.ts';
import type { AssetRegister, StreetAsset } from '../assets/register.ts';
import type { ReportsDb } from '../tables.ts';
import { nearbyOpenReports } from './nearby.ts';
import { responsibleMessage } from './responsibility.ts';
import { nearestPointOnLine } from './snap.ts';

/** A street further than this from the point is not the street the problem is on. */
const STREET_WITHIN_METRES = 100;

/** Where a report is, worked out once: what locate() answers, and what submit() stores. */
export interface Placement {
  category: ReportCategory;
  result: LocateResult;
  /** The asset's own position, a pothole's point moved onto its street, or the point given. */
  point: LonLat;
  usrn: string | null;
  asset: StreetAsset | null;
}

interface LocatorDeps {
  db: ReportsDb;
  pool: pg.Pool;
  geography: Geography;
  gazetteer: Gazetteer;
  categories: Categories;
  assets: AssetRegister;
}

/** Answers "whose problem is this, and has it been reported already?" for a point (and perhaps an asset). */
export class Locator {
  constructor(private readonly deps: LocatorDeps) {}

  async locate(categoryCode: string, lon: number, lat: number, assetId?: string): Promise<LocateResult> {
    const placement = await this.place(categoryCode, lon, lat, assetId);
    const { result, asset } = placement;
    if (result.responsibility !== 'council') return result;
    const nearby = await nearbyOpenReports(this.deps.db, this.deps.pool, categoryCode, placement.point[0], placement.point[1], asset?.id ?? null);
    // An open report on the asset is among the nearby ones, so its being reported needs no query of its own.
    const reported = result.asset?.status === 'reportable' && nearby.some((n) => n.assetId === result.asset?.id);
    return { ...result, asset: result.asset && reported ? { ...result.asset, status: 'reported' } : result.asset, nearby };
  }

  /**
   * Everything but the nearby reports, which submit() does not need; an asset's status is
   * 'in_programme' or 'reportable' here, and locate() finds out whether it is 'reported'.
   */
  async place(categoryCode: string, lon: number, lat: number, assetId?: string): Promise<Placement> {
    checkCoordinates(lon, lat);
    const category = await this.deps.categories.get(categoryCode);
    if (!category || !category.active) throw new ReportRejected('category', 'Select what the problem is from the list');
    const asset = await this.findAsset(category, assetId);
    const given: LonLat = asset ? [asset.lon, asset.lat] : [lon, lat];
    const { geography } = this.deps;
    if (!geography.inBorough(given[0], given[1])) {
      const responsibility: Responsibility = 'outside_borough';
      return {
        category,
        point: given,
        usrn: null,
        asset: null,
        result: { responsibility, responsibleMessage: responsibleMessage(responsibility, geography.borough.name), ward: null, street: null, asset: null, nearby: [] },
      };
    }
    const street = await this.streetFor(given, asset);
    const point = category.locatedBy === 'street' && street ? nearestPointOnLine(given, street.line) : given;
    const responsibility: Responsibility = street?.responsibility ?? 'council';
    const ward = geography.wardAt(point[0], point[1]) ?? geography.wardAt(given[0], given[1]);
    return {
      category,
      point,
      usrn: street?.usrn ?? null,
      asset,
      result: {
        responsibility,
        responsibleMessage: responsibleMessage(responsibility, geography.borough.name),
        ward,
        street: street ? { usrn: street.usrn, name: street.name } : null,
        asset: asset ? { id: asset.id, layer: asset.layer, status: asset.status === 'in_programme' ? 'in_programme' : 'reportable' } : null,
        nearby: [],
      },
    };
  }

  private async findAsset(category: ReportCategory, assetId: string | undefined): Promise<StreetAsset | null> {
    // An asset id sent with a category that has no assets (some Open311 clients send one anyway) is ignored.
    if (!assetId?.trim() || !category.assetLayer) return null;
    const asset = await this.deps.assets.find(assetId, category.assetLayer);
    const name = category.assetLayer === 'streetlights' ? 'streetlight' : 'drain';
    if (!asset) throw new ReportRejected('asset', `We could not find ${name} ${assetId.trim().slice(0, 20)}. Check the number, or choose it on the map`);
    return asset;
  }

  /** The asset's own street when it has one, else the street nearest the point, with its line (for snapping to). */
  private async streetFor(point: LonLat, asset: StreetAsset | null): Promise<{ usrn: string; name: string; responsibility: Responsibility; line: LonLat[] } | null> {
    const { gazetteer, db } = this.deps;
    const usrn = asset?.usrn ?? (await gazetteer.nearestStreet(point[0], point[1], STREET_WITHIN_METRES))?.usrn;
    if (!usrn) return null;
    const row = await db.selectFrom('gazetteer_streets').select(['name', 'responsibility', 'geometry']).where('usrn', '=', Number(usrn)).executeTakeFirst();
    return row ? { usrn, name: row.name, responsibility: row.responsibility, line: row.geometry } : null;
  }
}

function checkCoordinates(lon: number, lat: number): void {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    throw new ReportRejected('location', 'The location must have a latitude between -90 and 90 and a longitude between -180 and 180');
  }
}
