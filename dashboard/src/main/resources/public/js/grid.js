// Maps without imported boundaries: a tile grid of the 34 provinces (each tile near its real
// place: the layout was derived from the province centroids of the 2025 boundaries), or, for sets
// it does not cover (the 63 provinces before 2025, a province's communes), tiles in code order.

/** code -> [column, row] of the 34 provinces from 2025-07-01. */
export const PROVINCE_TILES = {"01":[2,2],"04":[3,0],"08":[2,0],"11":[0,1],"12":[0,0],"14":[1,2],"15":[1,1],
  "19":[3,1],"20":[4,1],"22":[5,1],"24":[3,2],"25":[2,1],"31":[4,2],"33":[3,3],"37":[2,3],"38":[1,3],"40":[2,4],
  "42":[3,4],"44":[4,5],"46":[4,6],"48":[5,6],"51":[5,7],"52":[5,8],"56":[6,10],"66":[6,9],"68":[5,10],"75":[4,10],
  "79":[4,11],"80":[3,10],"82":[3,11],"86":[3,12],"91":[2,11],"92":[2,12],"96":[1,12]};

/** [column, row] per code: the province tiles when they cover every code, else code order. */
export function layout(codes) {
  if (codes.length && codes.every((c) => c in PROVINCE_TILES)) {
    return { cells: PROVINCE_TILES, columns: 7, rows: 13, geographic: true };
  }
  const columns = Math.max(1, Math.ceil(Math.sqrt(codes.length * 1.5)));
  const cells = {};
  [...codes].sort().forEach((c, i) => { cells[c] = [i % columns, Math.floor(i / columns)]; });
  return { cells, columns, rows: Math.ceil(codes.length / columns), geographic: false };
}

/** A region's name without its type word, short enough for a tile. */
export function shortName(name) {
  return (name || '').replace(/^(Thành phố|Tỉnh|Phường|Xã|Thị trấn|Đặc khu|Quận|Huyện|Thị xã)\s+/u, '');
}
