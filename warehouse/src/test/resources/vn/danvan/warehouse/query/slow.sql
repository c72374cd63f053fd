-- slow (test): a statement that runs for minutes, to prove the per-query timeout cuts it off.
SELECT count(*) AS n FROM range(100000000000) t(a), range(10) u(b) WHERE a * b = -1
