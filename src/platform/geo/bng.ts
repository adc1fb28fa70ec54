/**
 * British National Grid (OSGB36, EPSG:27700) eastings and northings to WGS84 longitude and latitude:
 * the Transverse Mercator inverse on the Airy 1830 ellipsoid, then the OS's 7-parameter Helmert
 * transformation to WGS84. Both follow Ordnance Survey's "A guide to coordinate systems in Great
 * Britain". The Helmert step is good to about 5 m (OSTN15 would give centimetres), which is plenty
 * for placing an address in a ward.
 */
const AIRY_1830 = { a: 6_377_563.396, b: 6_356_256.909 };
const WGS84 = { a: 6_378_137, b: 6_356_752.314245 };
const GRID = { scale: 0.9996012717, lat0: 49, lon0: -2, east0: 400_000, north0: -100_000 };
/** OSGB36 → WGS84: the OS's WGS84 → OSGB36 parameters with their signs reversed. */
const HELMERT = { tx: 446.448, ty: -125.157, tz: 542.06, ppm: -20.4894, rx: 0.1502, ry: 0.247, rz: 0.8421 };

const RAD = Math.PI / 180;
const ARC_SECOND = RAD / 3600;

/** Is this a point on the grid's land area (not the open sea around it)? */
export function onNationalGrid(easting: number, northing: number): boolean {
  return easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000;
}

export function gridToLonLat(easting: number, northing: number): [number, number] {
  const [lat, lon] = gridToOsgb36(easting, northing);
  return osgb36ToWgs84(lat, lon);
}

/** OSGB36 latitude and longitude (degrees) of a grid point. */
export function gridToOsgb36(easting: number, northing: number): [number, number] {
  const { a, b } = AIRY_1830;
  const { scale: F0, east0, north0 } = GRID;
  const lat0 = GRID.lat0 * RAD;
  const lon0 = GRID.lon0 * RAD;
  const e2 = 1 - (b * b) / (a * a);
  const n = (a - b) / (a + b);
  const n2 = n * n;
  const n3 = n2 * n;

  let lat = lat0;
  let meridional = 0;
  do {
    lat = (northing - north0 - meridional) / (a * F0) + lat;
    const dLat = lat - lat0;
    const sLat = lat + lat0;
    meridional =
      b *
      F0 *
      ((1 + n + (5 / 4) * n2 + (5 / 4) * n3) * dLat -
        (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(dLat) * Math.cos(sLat) +
        ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * dLat) * Math.cos(2 * sLat) -
        (35 / 24) * n3 * Math.sin(3 * dLat) * Math.cos(3 * sLat));
  } while (Math.abs(northing - north0 - meridional) >= 0.00001);

  const sinLat = Math.sin(lat);
  const nu = (a * F0) / Math.sqrt(1 - e2 * sinLat * sinLat);
  const rho = (a * F0 * (1 - e2)) / Math.pow(1 - e2 * sinLat * sinLat, 1.5);
  const eta2 = nu / rho - 1;
  const tan = Math.tan(lat);
  const tan2 = tan * tan;
  const tan4 = tan2 * tan2;
  const tan6 = tan4 * tan2;
  const sec = 1 / Math.cos(lat);
  const nu3 = nu * nu * nu;
  const nu5 = nu3 * nu * nu;
  const nu7 = nu5 * nu * nu;

  const VII = tan / (2 * rho * nu);
  const VIII = (tan / (24 * rho * nu3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
  const IX = (tan / (720 * rho * nu5)) * (61 + 90 * tan2 + 45 * tan4);
  const X = sec / nu;
  const XI = (sec / (6 * nu3)) * (nu / rho + 2 * tan2);
  const XII = (sec / (120 * nu5)) * (5 + 28 * tan2 + 24 * tan4);
  const XIIA = (sec / (5040 * nu7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6);

  const dE = easting - east0;
  const latitude = lat - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6;
  const longitude = lon0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7;
  return [latitude / RAD, longitude / RAD];
}

/** OSGB36 latitude and longitude to WGS84 [longitude, latitude], through Earth-centred coordinates. */
function osgb36ToWgs84(latDegrees: number, lonDegrees: number): [number, number] {
  const [x, y, z] = toCartesian(latDegrees * RAD, lonDegrees * RAD, AIRY_1830);
  const s = 1 + HELMERT.ppm / 1e6;
  const rx = HELMERT.rx * ARC_SECOND;
  const ry = HELMERT.ry * ARC_SECOND;
  const rz = HELMERT.rz * ARC_SECOND;
  const x2 = HELMERT.tx + s * x - rz * y + ry * z;
  const y2 = HELMERT.ty + rz * x + s * y - rx * z;
  const z2 = HELMERT.tz - ry * x + rx * y + s * z;
  return fromCartesian(x2, y2, z2, WGS84);
}

function toCartesian(lat: number, lon: number, { a, b }: { a: number; b: number }): [number, number, number] {
  const e2 = 1 - (b * b) / (a * a);
  const sinLat = Math.sin(lat);
  const nu = a / Math.sqrt(1 - e2 * sinLat * sinLat);
  return [nu * Math.cos(lat) * Math.cos(lon), nu * Math.cos(lat) * Math.sin(lon), (1 - e2) * nu * sinLat];
}

function fromCartesian(x: number, y: number, z: number, { a, b }: { a: number; b: number }): [number, number] {
  const e2 = 1 - (b * b) / (a * a);
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const sinLat = Math.sin(lat);
    const nu = a / Math.sqrt(1 - e2 * sinLat * sinLat);
    const next = Math.atan2(z + e2 * nu * sinLat, p);
    if (Math.abs(next - lat) < 1e-12) {
      lat = next;
      break;
    }
    lat = next;
  }
  return [Math.atan2(y, x) / RAD, lat / RAD];
}
