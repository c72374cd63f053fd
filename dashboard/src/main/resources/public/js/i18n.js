// Labels of every page, Vietnamese first. A page marks static text with data-i18n="key"; scripts
// call t('key'). The language is ?lang=, else the last choice (localStorage), else Vietnamese.
const LABELS = {
  vi: {
    'app.title': 'Kho số liệu công tác dân vận',
    'nav.overview': 'Tổng quan', 'nav.trends': 'Xu hướng', 'nav.map': 'Bản đồ', 'nav.region': 'Hồ sơ địa bàn',
    'nav.api': 'API', 'lang.switch': 'English',
    'tab.chart': 'Biểu đồ', 'tab.table': 'Bảng', 'tab.ranking': 'Xếp hạng',
    'download.csv': 'Tải CSV', 'download.xlsx': 'Tải XLSX', 'download.png': 'Tải ảnh PNG',
    'no_data': 'không có số liệu', 'no_data.legend': 'Không có số liệu (khác 0)', 'withheld': 'đã ẩn (quá ít người trả lời)',
    'loading': 'Đang tải…', 'error': 'Không tải được số liệu', 'no_snapshot': 'Chưa có dữ liệu: kho chưa được nạp lần nào (bin/danvan load).',
    'foot.unit': 'Đơn vị', 'foot.source': 'Nguồn', 'foot.snapshot': 'Bộ dữ liệu', 'foot.loaded': 'nạp lúc',
    'foot.nodata': '“—”: không có số liệu, khác với số 0.',
    'overview.heading': 'Chỉ tiêu chủ yếu năm', 'overview.vs': 'so với', 'overview.changes': 'Tăng, giảm theo tỉnh, thành phố',
    'overview.changes.note': 'Thay đổi so với năm trước, theo 34 tỉnh, thành phố (địa giới từ 01/7/2025, số liệu trước đó quy đổi). Bấm vào một tỉnh để xem hồ sơ.',
    'overview.snapshot': 'Bộ dữ liệu đang sử dụng',
    'col.region': 'Mã địa bàn', 'col.name': 'Địa bàn', 'col.period': 'Kỳ', 'col.value': 'Giá trị',
    'col.source': 'Nguồn', 'col.exact': 'Chính xác', 'col.method': 'Cách phân bổ', 'col.rank': 'Hạng',
    'col.out_of': 'Trên tổng số', 'col.population': 'Dân số', 'col.per10k': 'Trên 10.000 dân',
    'col.change': 'Thay đổi so với năm gốc (%)', 'col.previous': 'Năm trước', 'col.change_pct': 'Thay đổi (%)',
    'col.indicator': 'Chỉ tiêu', 'col.year': 'Năm', 'col.level': 'Cấp',
    'ctl.indicator': 'Chỉ tiêu', 'ctl.regions': 'Địa bàn', 'ctl.children': 'Xem các đơn vị trực thuộc',
    'ctl.grain': 'Kỳ', 'ctl.from': 'Từ năm', 'ctl.to': 'Đến năm', 'ctl.mode': 'Cách tính',
    'ctl.boundaries': 'Địa giới', 'ctl.trend': 'Đường xu hướng', 'ctl.base': 'Năm gốc', 'ctl.level': 'Cấp',
    'ctl.province': 'Tỉnh, thành phố', 'ctl.year': 'Năm', 'ctl.filter': 'Lọc tên…',
    'grain.year': 'Năm', 'grain.half': '6 tháng', 'grain.quarter': 'Quý', 'grain.month': 'Tháng',
    'mode.absolute': 'Số tuyệt đối', 'mode.per_capita': 'Trên 10.000 dân', 'mode.change': 'Thay đổi so với năm gốc',
    'boundaries.reported': 'Như đã báo cáo', 'boundaries.2025': 'Quy đổi theo 34 tỉnh (2025)',
    'level.nation': 'Toàn quốc', 'level.province': 'Tỉnh', 'level.district': 'Huyện', 'level.commune': 'Xã',
    'source.report': 'báo cáo', 'source.records': 'bản ghi hoạt động', 'source.mixed': 'báo cáo và bản ghi',
    'method.weight': 'theo trọng số liên kết', 'method.population': 'theo dân số', 'method.equal': 'chia đều',
    'exact.yes': 'có', 'exact.no': 'phân bổ',
    'trends.break': 'Sắp xếp địa giới 01/7/2025', 'trends.apportioned': 'Giá trị được phân bổ khi quy đổi địa giới (ký hiệu rỗng)',
    'trends.none_apportioned': 'Không có giá trị nào phải phân bổ.', 'trends.trend': 'Xu hướng',
    'trends.slope': 'Độ dốc', 'trends.per_year': '/năm', 'trends.ci': 'KTC 95%', 'trends.many': 'Chọn tối đa 40 địa bàn.',
    'map.play': 'Phát', 'map.tilegrid': 'Bản đồ ô lưới (chưa nhập ranh giới GeoJSON: bin/danvan geo import FILE)',
    'map.codegrid': 'Ô lưới theo mã địa bàn (không có ranh giới cho cấp/địa giới này)',
    'map.geo': 'Ranh giới hành chính do quản trị viên nhập',
    'region.rank': 'Xếp hạng trong các địa bàn cùng cấp', 'region.children': 'Các đơn vị trực thuộc',
    'region.warnings': 'Cảnh báo số liệu báo cáo không khớp', 'region.no_warnings': 'Không có báo cáo nào lệch giữa tổng và chi tiết.',
    'region.warning': '{name}: {indicator} kỳ {period}, tổng {total} nhưng chi tiết ({key}) cộng lại {sum} (lệch {difference}); {doc}',
    'region.rank_text': 'Hạng {rank}/{out_of} năm {year}', 'region.no_rank': 'Không xếp hạng (không có số liệu năm {year})',
    'region.pick': 'Chọn địa bàn', 'region.none': 'Không có đơn vị trực thuộc.',
  },
  en: {
    'app.title': 'Mass-mobilization work data warehouse',
    'nav.overview': 'Overview', 'nav.trends': 'Trends', 'nav.map': 'Map', 'nav.region': 'Region profile',
    'nav.api': 'API', 'lang.switch': 'Tiếng Việt',
    'tab.chart': 'Chart', 'tab.table': 'Table', 'tab.ranking': 'Ranking',
    'download.csv': 'Download CSV', 'download.xlsx': 'Download XLSX', 'download.png': 'Download PNG',
    'no_data': 'no data', 'no_data.legend': 'No data (not zero)', 'withheld': 'withheld (too few respondents)',
    'loading': 'Loading…', 'error': 'Could not load the figures', 'no_snapshot': 'No data yet: the warehouse has never been loaded (bin/danvan load).',
    'foot.unit': 'Unit', 'foot.source': 'Source', 'foot.snapshot': 'Snapshot', 'foot.loaded': 'loaded',
    'foot.nodata': '“—”: no data, which is not zero.',
    'overview.heading': 'Headline indicators,', 'overview.vs': 'vs', 'overview.changes': 'Up and down by province',
    'overview.changes.note': 'Change on the previous year across the 34 provinces (boundaries from 1 July 2025; earlier figures restated). Click a province for its profile.',
    'overview.snapshot': 'Snapshot being served',
    'col.region': 'Region code', 'col.name': 'Region', 'col.period': 'Period', 'col.value': 'Value',
    'col.source': 'Source', 'col.exact': 'Exact', 'col.method': 'Apportioned by', 'col.rank': 'Rank',
    'col.out_of': 'Out of', 'col.population': 'Population', 'col.per10k': 'Per 10,000 inhabitants',
    'col.change': 'Change since base year (%)', 'col.previous': 'Previous year', 'col.change_pct': 'Change (%)',
    'col.indicator': 'Indicator', 'col.year': 'Year', 'col.level': 'Level',
    'ctl.indicator': 'Indicator', 'ctl.regions': 'Regions', 'ctl.children': 'Show its subdivisions',
    'ctl.grain': 'Period', 'ctl.from': 'From', 'ctl.to': 'To', 'ctl.mode': 'Measure',
    'ctl.boundaries': 'Boundaries', 'ctl.trend': 'Trend line', 'ctl.base': 'Base year', 'ctl.level': 'Level',
    'ctl.province': 'Province', 'ctl.year': 'Year', 'ctl.filter': 'Filter names…',
    'grain.year': 'Year', 'grain.half': 'Half-year', 'grain.quarter': 'Quarter', 'grain.month': 'Month',
    'mode.absolute': 'Absolute', 'mode.per_capita': 'Per 10,000 inhabitants', 'mode.change': 'Change since base year',
    'boundaries.reported': 'As reported', 'boundaries.2025': 'Restated to the 34 provinces (2025)',
    'level.nation': 'Nation', 'level.province': 'Province', 'level.district': 'District', 'level.commune': 'Commune',
    'source.report': 'reports', 'source.records': 'activity records', 'source.mixed': 'reports and records',
    'method.weight': 'by link weight', 'method.population': 'by population', 'method.equal': 'equally',
    'exact.yes': 'yes', 'exact.no': 'apportioned',
    'trends.break': 'Boundary change 1 July 2025', 'trends.apportioned': 'Values apportioned when restating boundaries (hollow symbols)',
    'trends.none_apportioned': 'No value needed apportioning.', 'trends.trend': 'Trend',
    'trends.slope': 'Slope', 'trends.per_year': '/year', 'trends.ci': '95% CI', 'trends.many': 'Pick at most 40 regions.',
    'map.play': 'Play', 'map.tilegrid': 'Tile-grid map (no GeoJSON boundaries imported: bin/danvan geo import FILE)',
    'map.codegrid': 'Grid in code order (no boundaries for this level or mode)',
    'map.geo': 'Administrative boundaries imported by an admin',
    'region.rank': 'Rank among peers', 'region.children': 'Subdivisions',
    'region.warnings': 'Report-consistency warnings', 'region.no_warnings': 'No report whose breakdown disagrees with its total.',
    'region.warning': '{name}: {indicator} {period}, total {total} but the breakdown ({key}) sums to {sum} (off by {difference}); {doc}',
    'region.rank_text': 'Rank {rank} of {out_of} in {year}', 'region.no_rank': 'Not ranked (no data for {year})',
    'region.pick': 'Pick a region', 'region.none': 'No subdivisions.',
  },
};

export const lang = (() => {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'vi' || asked === 'en') {
    localStorage.setItem('danvan.lang', asked);
    return asked;
  }
  return localStorage.getItem('danvan.lang') === 'en' ? 'en' : 'vi';
})();

/** The label of {@code key}, with {name} placeholders filled from {@code values}. */
export function t(key, values = {}) {
  const text = LABELS[lang][key] ?? LABELS.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
}

/** Fills every [data-i18n] element of the page. */
export function translatePage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
}
