/**
 * The SQL baseline's schema and functions, in their own schema `bench_matching` (created and dropped by the bench).
 * The selection function is a line-by-line port of src/domain/matching/select-diverse.ts to PL/pgSQL, so that the
 * baseline applies the same openness rules in the database.
 */
export const schema = "bench_matching";

export const createSchemaSql = `
DROP SCHEMA IF EXISTS ${schema} CASCADE;
CREATE SCHEMA ${schema};
CREATE TABLE ${schema}.member (
  id int PRIMARY KEY,
  home_city int NOT NULL,
  current_city int,
  community int NOT NULL,
  young_giver int NOT NULL,
  giving_points int NOT NULL,
  extra_points int NOT NULL,
  paused boolean NOT NULL,
  paused_until double precision,
  alert_cap int
);
CREATE TABLE ${schema}.member_sector (member int NOT NULL, sector int NOT NULL);
CREATE TABLE ${schema}.member_tag (member int NOT NULL, tag int NOT NULL);
CREATE TABLE ${schema}.seeks_term (member int NOT NULL, term int NOT NULL, weight int NOT NULL);
CREATE TABLE ${schema}.gives_term (member int NOT NULL, term int NOT NULL, weight int NOT NULL);
CREATE TABLE ${schema}.tie (a int NOT NULL, b int NOT NULL, meetings int NOT NULL);
CREATE TABLE ${schema}.follow (follower int NOT NULL, followed int NOT NULL);
CREATE TABLE ${schema}.block (a int NOT NULL, b int NOT NULL);
CREATE TABLE ${schema}.alert (member int NOT NULL, at double precision NOT NULL);
`;

export const createIndexesSql = `
CREATE INDEX ON ${schema}.member (home_city);
CREATE INDEX ON ${schema}.member (current_city) WHERE current_city IS NOT NULL;
CREATE INDEX ON ${schema}.member_sector (sector, member);
CREATE INDEX ON ${schema}.member_tag (tag, member);
CREATE INDEX ON ${schema}.seeks_term (term, member, weight);
CREATE INDEX ON ${schema}.gives_term (term, member, weight);
ALTER TABLE ${schema}.tie ADD PRIMARY KEY (a, b);
CREATE INDEX ON ${schema}.tie (a) INCLUDE (b, meetings);
CREATE INDEX ON ${schema}.follow (followed, follower);
CREATE INDEX ON ${schema}.block (a, b);
CREATE INDEX ON ${schema}.alert (member, at);
ANALYZE ${schema}.member, ${schema}.member_sector, ${schema}.member_tag, ${schema}.seeks_term, ${schema}.gives_term,
  ${schema}.tie, ${schema}.follow, ${schema}.block, ${schema}.alert;
`;

/** select_diverse(communities, young, scores, limit, share, penalty) -> chosen 0-based positions, ascending. */
export const selectDiverseSql = `
CREATE FUNCTION ${schema}.select_diverse(comm int[], young int[], scores int[], lim int, share float8, penalty int)
RETURNS int[] LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  total int := coalesce(array_length(comm, 1), 0);
  ncomm int;
  sizes int[];
  st int[];
  fillp int[];
  bycomm int[];
  nxt int[];
  nxty int[];
  youngcount int := 0;
  n int;
  cap int;
  room int;
  largest int;
  above int;
  need int;
  chosen_n int := 0;
  chosen_cap int := 0;
  dominant int := -1;
  dominant_limit int;
  floor_y int;
  taken boolean[];
  per int[];
  cnt int := 0;
  yg int := 0;
  i int;
  c int;
  k int;
  pos int;
  val int;
  chosen int;
  chosen_val int;
  pass int;
  result int[] := '{}';
BEGIN
  IF total <= lim THEN
    RETURN ARRAY(SELECT generate_series(0, total - 1));
  END IF;
  SELECT max(x) + 1 INTO ncomm FROM unnest(comm) AS x;
  sizes := array_fill(0, ARRAY[ncomm]);
  FOR i IN 1..total LOOP
    sizes[comm[i] + 1] := sizes[comm[i] + 1] + 1;
    youngcount := youngcount + young[i];
  END LOOP;
  -- Positions grouped by community, best first: bycomm[st[c] .. st[c + 1] - 1] for community c - 1.
  st := array_fill(1, ARRAY[ncomm + 1]);
  FOR c IN 1..ncomm LOOP st[c + 1] := st[c] + sizes[c]; END LOOP;
  fillp := st[1:ncomm];
  bycomm := array_fill(0, ARRAY[total]);
  FOR i IN 1..total LOOP
    c := comm[i] + 1;
    bycomm[fillp[c]] := i;
    fillp[c] := fillp[c] + 1;
  END LOOP;
  FOR n IN REVERSE lim..1 LOOP
    cap := greatest(1, floor(share * n + 1e-9)::int);
    room := 0; largest := -1; above := 0;
    FOR c IN 1..ncomm LOOP
      room := room + least(sizes[c], cap);
      IF sizes[c] > cap THEN above := above + 1; END IF;
      IF largest < 0 OR sizes[c] > sizes[largest + 1] THEN largest := c - 1; END IF;
    END LOOP;
    IF room >= n THEN
      chosen_n := n; chosen_cap := cap; dominant := -1; EXIT;
    END IF;
    IF above = 1 AND largest >= 0 THEN
      need := n - (total - sizes[largest + 1]);
      IF need > cap AND need <= sizes[largest + 1] THEN
        chosen_n := n; chosen_cap := cap; dominant := largest; EXIT;
      END IF;
    END IF;
  END LOOP;
  floor_y := ceil(youngcount::float8 * chosen_n / total - 1e-9)::int;
  dominant_limit := CASE WHEN dominant < 0 THEN chosen_cap ELSE chosen_n - (total - sizes[dominant + 1]) END;
  per := array_fill(0, ARRAY[ncomm]);
  taken := array_fill(false, ARRAY[total]);
  nxt := st[1:ncomm];
  nxty := st[1:ncomm];
  -- Pass 1: young givers up to their floor; pass 2: everyone. Each step takes the best effective score.
  FOR pass IN 1..2 LOOP
    LOOP
      EXIT WHEN cnt >= chosen_n OR (pass = 1 AND yg >= floor_y);
      chosen := -1;
      chosen_val := 0;
      FOR c IN 1..ncomm LOOP
        CONTINUE WHEN per[c] >= (CASE WHEN c - 1 = dominant THEN dominant_limit ELSE chosen_cap END);
        k := CASE WHEN pass = 1 THEN nxty[c] ELSE nxt[c] END;
        WHILE k < st[c + 1] LOOP
          EXIT WHEN NOT taken[bycomm[k]] AND (pass = 2 OR young[bycomm[k]] = 1);
          k := k + 1;
        END LOOP;
        IF pass = 1 THEN nxty[c] := k; ELSE nxt[c] := k; END IF;
        CONTINUE WHEN k >= st[c + 1];
        pos := bycomm[k];
        val := scores[pos] - penalty * per[c];
        IF chosen < 0 OR val > chosen_val OR (val = chosen_val AND pos < chosen) THEN
          chosen := pos; chosen_val := val;
        END IF;
      END LOOP;
      EXIT WHEN chosen < 0;
      taken[chosen] := true;
      cnt := cnt + 1;
      yg := yg + young[chosen];
      per[comm[chosen] + 1] := per[comm[chosen] + 1] + 1;
    END LOOP;
  END LOOP;
  FOR i IN 1..total LOOP
    IF taken[i] THEN result := result || (i - 1); END IF;
  END LOOP;
  RETURN result;
END
$fn$;
`;

/**
 * One trip's pick, as one prepared statement. Parameters: $1 traveller, $2 city, $3 sectors, $4 tags,
 * $5/$6 seeks term ids/weights, $7/$8 gives term ids/weights, $9 now, $10 cap window start, $11 default cap,
 * $12 limit, $13 max community share, $14 text threshold, $15 community penalty. Scores use the weights of src/domain/matching/scoring.ts.
 */
export const pickSql = `
WITH sec AS (
  SELECT member, count(*)::int AS n FROM ${schema}.member_sector WHERE sector = ANY($3::int[]) GROUP BY member
), tg AS (
  SELECT member, count(*)::int AS n FROM ${schema}.member_tag WHERE tag = ANY($4::int[]) GROUP BY member
), sg AS (
  SELECT g.member, sum(g.weight * q.w)::int AS dot
  FROM unnest($5::int[], $6::int[]) AS q(term, w) JOIN ${schema}.gives_term g ON g.term = q.term GROUP BY g.member
), gs AS (
  SELECT s.member, sum(s.weight * q.w)::int AS dot
  FROM unnest($7::int[], $8::int[]) AS q(term, w) JOIN ${schema}.seeks_term s ON s.term = q.term GROUP BY s.member
), touched AS (
  SELECT member FROM sec UNION SELECT member FROM tg UNION SELECT member FROM sg UNION SELECT member FROM gs
), friends AS (
  SELECT b AS friend, meetings FROM ${schema}.tie WHERE a = $1
), mutual AS (
  SELECT t.b AS member, count(*)::int AS n FROM friends f JOIN ${schema}.tie t ON t.a = f.friend GROUP BY t.b
), scored AS (
  SELECT m.id, m.community, m.young_giver,
    (CASE WHEN EXISTS (SELECT 1 FROM ${schema}.follow fo WHERE fo.followed = $1 AND fo.follower = m.id) THEN 30 ELSE 0 END)
    + 10 * least(coalesce(sec.n, 0), 3) + 6 * least(coalesce(tg.n, 0), 5)
    + coalesce(sg.dot, 0) / 25000 + coalesce(gs.dot, 0) / 25000
    + m.giving_points + m.extra_points
    + (CASE WHEN coalesce(mu.n, 0) = 0 THEN 0 WHEN mu.n <= 10 THEN 15 ELSE 5 END)
    + (CASE WHEN coalesce(fr.meetings, 0) = 0 THEN 0 WHEN fr.meetings >= 3 THEN -20 ELSE -5 END) AS score
  FROM touched
  JOIN ${schema}.member m ON m.id = touched.member
  LEFT JOIN sec ON sec.member = m.id
  LEFT JOIN tg ON tg.member = m.id
  LEFT JOIN sg ON sg.member = m.id
  LEFT JOIN gs ON gs.member = m.id
  LEFT JOIN mutual mu ON mu.member = m.id
  LEFT JOIN friends fr ON fr.friend = m.id
  WHERE m.id <> $1
    AND (m.home_city = $2 OR m.current_city = $2)
    AND (coalesce(sec.n, 0) > 0 OR coalesce(tg.n, 0) > 0 OR coalesce(sg.dot, 0) >= $14 OR coalesce(gs.dot, 0) >= $14)
    AND NOT m.paused AND (m.paused_until IS NULL OR m.paused_until <= $9)
    AND NOT EXISTS (SELECT 1 FROM ${schema}.block b WHERE b.a = $1 AND b.b = m.id)
    AND (SELECT count(*) FROM ${schema}.alert al WHERE al.member = m.id AND al.at > $10) < coalesce(m.alert_cap, $11)
), ranked AS (
  SELECT array_agg(id ORDER BY score DESC, id) AS ids,
         array_agg(score ORDER BY score DESC, id) AS scores,
         array_agg(community ORDER BY score DESC, id) AS comms,
         array_agg(young_giver ORDER BY score DESC, id) AS youngs
  FROM scored
)
SELECT r.ids[p + 1] AS id, r.scores[p + 1] AS score
FROM ranked r, unnest(${schema}.select_diverse(r.comms, r.youngs, r.scores, $12, $13, $15)) AS p
ORDER BY p
`;
