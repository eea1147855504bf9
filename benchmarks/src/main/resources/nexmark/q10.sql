-- -------------------------------------------------------------------------------------------------
-- Query 10: Log to File System (Not in original suite)
-- -------------------------------------------------------------------------------------------------
-- Log all events to file system. Illustrates windows streaming data into partitioned file system.
--
-- Every minute, save all events from the last period into partitioned log files.
-- -------------------------------------------------------------------------------------------------

-- Weir deviation: Weir's filesystem sink writes one directory per partition (dt=…/hm=…) and
-- makes files visible at checkpoints and at the end of the input; it has no partition-commit
-- or rolling-policy options, so the suite's 'sink.partition-commit.*',
-- 'partition.time-extractor.timestamp-pattern' and 'sink.rolling-policy.*' options are left out.
-- ${OUTPUT_DIR} is the directory the runner chooses (the suite writes under its NEXMARK_DIR/data/output/SUBMIT_TIME).
CREATE TABLE nexmark_q10 (
  auction  BIGINT,
  bidder  BIGINT,
  price  BIGINT,
  `dateTime`  TIMESTAMP(3),
  extra  VARCHAR,
  dt STRING,
  hm STRING
) PARTITIONED BY (dt, hm) WITH (
  'connector' = 'filesystem',
  'path' = 'file://${OUTPUT_DIR}/bid/',
  'format' = 'csv'
);

INSERT INTO nexmark_q10
SELECT auction, bidder, price, `dateTime`, extra, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd'), DATE_FORMAT(`dateTime`, 'HH:mm')
FROM bid;
