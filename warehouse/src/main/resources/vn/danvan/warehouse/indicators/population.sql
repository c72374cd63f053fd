-- population: inhabitants of the given regions by year, for figures per 10,000 inhabitants. The
-- nation (VN) is the sum of the provinces in force on 31 December of each year.
-- Parameters: region codes (comma-separated), first year, last year.
-- Columns: region_code, year, population.
SELECT region_code, year, population
FROM population
WHERE list_contains(string_split(?, ','), region_code) AND year BETWEEN ? AND ?
UNION ALL
SELECT 'VN', p.year, sum(p.population)
FROM population p
JOIN mart_regions r
  ON r.boundaries = 'reported' AND r.level = 'province' AND r.region_code = p.region_code
 AND r.valid_from <= make_date(p.year, 12, 31)
 AND (r.valid_to IS NULL OR r.valid_to >= make_date(p.year, 12, 31))
WHERE list_contains(string_split(?, ','), 'VN') AND p.year BETWEEN ? AND ?
GROUP BY p.year
ORDER BY 1, 2
