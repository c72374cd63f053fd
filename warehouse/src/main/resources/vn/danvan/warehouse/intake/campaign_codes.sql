-- campaign_codes: the campaigns the snapshot holds, which activities and targets may refer to.
-- Parameters: none.
-- Columns: campaign_code.
SELECT campaign_code FROM campaigns ORDER BY campaign_code
