/* test-demo.c: the demonstration programme
 *
 * The demo is checked from the outside: its rows are read back with SQL and
 * judged against the regulation's rules (sb-lifecycle), the validators and
 * the statutory calendar, never against the demo's own tables of weights.
 * Every programme here is current on 2026-11-27.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sb-credit-code.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-lifecycle.h"
#include "sb-programme.h"
#include "sb-standard-designation.h"

#define TODAY_YEAR  2026
#define TODAY_MONTH 11
#define TODAY_DAY   27

/* Art. 40: the regulation is in force from 24 September 2021, so no
 * application can be older. */
#define IN_FORCE "2021-09-24"

/* Helpers */

typedef struct
{
  char        *dir;
  SbProgramme *programme;
} Fixture;

static void
set_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
}

static GDate
parse_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  sb_date_parse (text, &date, &error);
  g_assert_no_error (error);

  return date;
}

static SbProgramme *
open_programme (const char *dir,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SbProgramme *programme;

  programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (programme);

  return programme;
}

static void
fill (SbProgramme *programme,
      guint        count,
      guint32      seed)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;
  GDate today;

  set_today (&today);
  ok = sb_demo_fill (sb_programme_get_store (programme), count, seed, &today, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static sqlite3 *
handle (SbProgramme *programme)
{
  return sb_database_get_handle (sb_programme_get_database (programme));
}

static sqlite3_stmt *
prepare (SbProgramme *programme,
         const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle (programme), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (handle (programme)));

  return stmt;
}

static gint64
query_int (SbProgramme *programme,
           const char  *sql)
{
  sqlite3_stmt *stmt = prepare (programme, sql);
  gint64 value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Every row of @sql, tab-separated, one line per row: for comparing
 * whole tables. */
static char *
dump (SbProgramme *programme,
      const char  *sql)
{
  sqlite3_stmt *stmt = prepare (programme, sql);
  GString *out = g_string_new (NULL);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append (out, text ? text : "NULL");
          g_string_append_c (out, i + 1 < sqlite3_column_count (stmt) ? '\t' : '\n');
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

/* Everything the demo writes, in a stable order, without the wall-clock
 * recorded_at of the transitions. */
static char *
dump_programme (SbProgramme *programme)
{
  static const char * const queries[] = {
    "SELECT * FROM bases ORDER BY id",
    "SELECT id, base_id, action, from_state, to_state, date, role, actor, note,"
    " months, year, deadline FROM transitions ORDER BY id",
    "SELECT * FROM organisations ORDER BY id",
    "SELECT * FROM base_units ORDER BY base_id, organisation_id, role",
    "SELECT * FROM base_tags ORDER BY base_id, tag_id",
    "SELECT * FROM application_conditions ORDER BY base_id, condition",
    "SELECT * FROM standards ORDER BY id",
    "SELECT * FROM annual_reports ORDER BY base_id, year",
    "SELECT * FROM assessments ORDER BY base_id, year",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *part = dump (programme, queries[i]);

      g_string_append_printf (out, "-- %s\n%s", queries[i], part);
    }

  return g_string_free (out, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->programme = open_programme (fixture->dir, "demo.db");
  fill (fixture->programme, SB_DEMO_DEFAULT_COUNT, SB_DEMO_DEFAULT_SEED);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_remove (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Fills the transition columns of a replayed step. */
static void
request_from_row (sqlite3_stmt        *stmt,
                  SbTransitionRequest *request)
{
  /* action, role, date, note, months, year, deadline */
  const char *action_text = (const char *) sqlite3_column_text (stmt, 0);
  const char *role_text = (const char *) sqlite3_column_text (stmt, 1);
  const char *deadline_text = (const char *) sqlite3_column_text (stmt, 6);
  SbAction action;
  SbRole role;
  GDate date;

  g_assert_true (sb_action_from_string (action_text, &action));
  g_assert_true (sb_role_from_string (role_text, &role));
  date = parse_date ((const char *) sqlite3_column_text (stmt, 2));

  sb_transition_request_init (request, action, role, &date);
  request->note = (const char *) sqlite3_column_text (stmt, 3);
  request->months = sqlite3_column_int (stmt, 4);
  request->year = sqlite3_column_int (stmt, 5);
  if (deadline_text != NULL)
    request->deadline = parse_date (deadline_text);
}

static void
assert_date_column (sqlite3_stmt *stmt,
                    int           column,
                    const GDate  *fact,
                    gint64        id)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *expected = g_date_valid (fact) ? sb_date_format (fact) : NULL;

  if (g_strcmp0 (text, expected) != 0)
    g_error ("Base %" G_GINT64_FORMAT ": column %s is %s, the replayed history says %s",
             id, sqlite3_column_name (stmt, column), text ? text : "NULL",
             expected ? expected : "NULL");
}

/* Tests */

static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpint (SB_DEMO_DEFAULT_COUNT, >=, 60);
  g_assert_cmpint (query_int (fixture->programme, "SELECT count(*) FROM bases"),
                   ==, SB_DEMO_DEFAULT_COUNT);
  /* Every base has a lead unit, a domain and a city. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM bases WHERE lead_unit_id IS NULL"
                              " OR domain_id IS NULL OR city_code IS NULL"), ==, 0);
}

static void
test_domains (Fixture       *fixture,
              gconstpointer  data)
{
  /* The twelve of Art. 3, by code, as the regulation lists them. */
  static const char * const codes[] = {
    "high-end-equipment", "intelligent-coal-mining", "coal-measure-gas",
    "rail-transit", "general-aviation", "semiconductors", "carbon-materials",
    "special-metals", "big-data", "it-innovation", "biomedicine", "agriculture",
  };
  sqlite3_stmt *stmt = prepare (fixture->programme,
                                "SELECT count(*) FROM bases b JOIN domains d"
                                " ON d.id = b.domain_id WHERE d.code = ?");

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      sqlite3_bind_text (stmt, 1, codes[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) == 0)
        g_error ("No demo base in the domain %s", codes[i]);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(DISTINCT domain_id) FROM bases"), ==, 12);
}

static void
test_cities (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const codes[] = {
    "1401", "1402", "1403", "1404", "1405", "1406",
    "1407", "1408", "1409", "1410", "1411", "zone",
  };
  sqlite3_stmt *stmt = prepare (fixture->programme,
                                "SELECT count(*) FROM bases WHERE city_code = ?");

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      sqlite3_bind_text (stmt, 1, codes[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) == 0)
        g_error ("No demo base in the city %s", codes[i]);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(DISTINCT city_code) FROM bases"), ==, 12);
}

static void
assert_every_state (SbProgramme *programme)
{
  sqlite3_stmt *stmt = prepare (programme, "SELECT count(*) FROM bases WHERE state = ?");

  for (SbBaseState state = 0; state < SB_N_BASE_STATES; state++)
    {
      sqlite3_bind_text (stmt, 1, sb_base_state_to_string (state), -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) == 0)
        g_error ("No demo base in the state %s", sb_base_state_to_string (state));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  /* And no state the code does not know. */
  g_assert_cmpint (query_int (programme, "SELECT count(DISTINCT state) FROM bases"),
                   ==, SB_N_BASE_STATES);
}

static void
test_states (Fixture       *fixture,
             gconstpointer  data)
{
  assert_every_state (fixture->programme);
}

/* Even a demo no larger than the number of states shows every one. */
static void
test_states_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_autoptr(SbProgramme) programme = NULL;

  g_assert_no_error (error);
  programme = open_programme (dir, "small.db");
  fill (programme, 18, 5);
  g_assert_cmpint (query_int (programme, "SELECT count(*) FROM bases"), ==, 18);
  assert_every_state (programme);

  g_clear_object (&programme);
  remove_tree (dir);
}

static void
test_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_autoptr(SbProgramme) first = NULL;
  g_autoptr(SbProgramme) second = NULL;
  g_autoptr(SbProgramme) other = NULL;
  g_autofree char *first_dump = NULL;
  g_autofree char *second_dump = NULL;
  g_autofree char *other_dump = NULL;

  g_assert_no_error (error);
  first = open_programme (dir, "first.db");
  second = open_programme (dir, "second.db");
  other = open_programme (dir, "other.db");
  fill (first, SB_DEMO_DEFAULT_COUNT, 42);
  fill (second, SB_DEMO_DEFAULT_COUNT, 42);
  fill (other, SB_DEMO_DEFAULT_COUNT, 43);

  first_dump = dump_programme (first);
  second_dump = dump_programme (second);
  other_dump = dump_programme (other);

  g_assert_cmpuint (strlen (first_dump), >, 10000);
  g_assert_cmpstr (first_dump, ==, second_dump);
  g_assert_cmpstr (first_dump, !=, other_dump);

  /* The bases table alone differs too, not just, say, the phone numbers. */
  {
    g_autofree char *first_bases = dump (first, "SELECT * FROM bases ORDER BY id");
    g_autofree char *other_bases = dump (other, "SELECT * FROM bases ORDER BY id");

    g_assert_cmpstr (first_bases, !=, other_bases);
  }

  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&other);
  remove_tree (dir);
}

static void
test_credit_codes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  guint n = 0;

  /* Lead units: valid and registered in Shanxi (Art. 11 (1)). */
  stmt = prepare (fixture->programme,
                  "SELECT o.credit_code, o.legal_person FROM bases b"
                  " JOIN organisations o ON o.id = b.lead_unit_id ORDER BY b.id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      g_assert_nonnull (code);
      if (!sb_credit_code_is_valid (code, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI))
        g_error ("Lead unit credit code %s is not a valid Shanxi code", code);
      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
      if (!g_hash_table_add (seen, g_strdup (code)))
        g_error ("Lead unit credit code %s is used twice", code);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, SB_DEMO_DEFAULT_COUNT);

  /* Every unit with a code, co-applicants included, valid and unique. */
  stmt = prepare (fixture->programme,
                  "SELECT credit_code FROM organisations WHERE credit_code IS NOT NULL");
  n = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      if (!sb_credit_code_is_valid (code, SB_CREDIT_CODE_FLAGS_NONE))
        g_error ("Credit code %s is not valid", code);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, SB_DEMO_DEFAULT_COUNT);
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(DISTINCT credit_code) FROM organisations"),
                   ==, n);
}

static void
test_standards (Fixture       *fixture,
                gconstpointer  data)
{
  sqlite3_stmt *stmt;
  guint n_application = 0;
  guint n_levels[SB_N_STANDARD_LEVELS] = { 0 };

  stmt = prepare (fixture->programme,
                  "SELECT base_id, designation, level, year, source FROM standards ORDER BY id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *designation = (const char *) sqlite3_column_text (stmt, 1);
      const char *level_text = (const char *) sqlite3_column_text (stmt, 2);
      const char *source = (const char *) sqlite3_column_text (stmt, 4);
      g_autoptr(SbStandardDesignation) parsed = NULL;
      g_autoptr(GError) error = NULL;
      SbStandardLevel level;

      parsed = sb_standard_designation_parse (designation, &error);
      if (parsed == NULL)
        g_error ("Standard “%s” of base %d does not parse: %s", designation,
                 sqlite3_column_int (stmt, 0), error->message);
      g_assert_cmpstr (parsed->normalised, ==, designation);
      g_assert_true (sb_standard_level_from_string (level_text, &level));
      g_assert_cmpint (level, ==, parsed->level);
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, parsed->year);
      g_assert_cmpint (parsed->year, <=, TODAY_YEAR);

      if (g_strcmp0 (source, "application") == 0)
        {
          n_application++;
          n_levels[level]++;
        }
    }
  sqlite3_finalize (stmt);

  /* Art. 11 (3): every application names standards, of several levels. */
  g_assert_cmpuint (n_application, >=, 3 * SB_DEMO_DEFAULT_COUNT);
  for (guint i = 0; i < SB_N_STANDARD_LEVELS; i++)
    g_assert_cmpuint (n_levels[i], >, 0);
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM bases b WHERE NOT EXISTS"
                              " (SELECT 1 FROM standards s WHERE s.base_id = b.id"
                              "  AND s.source = 'application')"), ==, 0);

  /* An application only names standards published before it was made. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM standards s JOIN bases b ON b.id = s.base_id"
                              " WHERE s.source = 'application'"
                              " AND s.year > CAST(substr(b.created_date, 1, 4) AS INTEGER)"), ==, 0);
}

/* Replays each base's recorded steps through the rules on fresh facts:
 * every step must be one the regulation allows, in the order recorded,
 * and end where the base is now.
 */
static void
test_histories (Fixture       *fixture,
                gconstpointer  data)
{
  sqlite3_stmt *bases;
  sqlite3_stmt *steps;
  GDate today;
  guint n_steps = 0;

  set_today (&today);
  bases = prepare (fixture->programme,
                   "SELECT id, state, cycle_months, extension_requested_months,"
                   " extension_months, submitted_date, approval_date,"
                   " plan_submitted_date, midterm_report_date, midterm_evaluated_date,"
                   " acceptance_applied_date, acceptance_failed_date,"
                   " extension_requested_date, established_date,"
                   " assessment_failed_date, rectify_by_date, closed_date,"
                   " last_transition_date"
                   " FROM bases ORDER BY id");
  steps = prepare (fixture->programme,
                   "SELECT action, role, date, note, months, year, deadline,"
                   " from_state, to_state FROM transitions WHERE base_id = ? ORDER BY id");

  while (sqlite3_step (bases) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (bases, 0);
      const char *state = (const char *) sqlite3_column_text (bases, 1);
      SbBaseFacts facts;
      const GDate *dates[] = {
        &facts.submitted, &facts.approved, &facts.plan_submitted,
        &facts.midterm_report, &facts.midterm_evaluated,
        &facts.acceptance_applied, &facts.acceptance_failed,
        &facts.extension_requested, &facts.established,
        &facts.assessment_failed, &facts.rectify_by, &facts.closed,
        &facts.last_transition,
      };

      sb_base_facts_init (&facts);
      facts.has_short_name = TRUE;
      facts.has_domain = TRUE;
      facts.has_recommender = TRUE;
      facts.lead_unit_eligible = TRUE;

      sqlite3_bind_int64 (steps, 1, id);
      while (sqlite3_step (steps) == SQLITE_ROW)
        {
          g_autoptr(GError) error = NULL;
          SbTransitionRequest request;

          request_from_row (steps, &request);
          g_assert_cmpstr ((const char *) sqlite3_column_text (steps, 7), ==,
                           sb_base_state_to_string (facts.state));
          if (!sb_lifecycle_check (&facts, &request, &today, &error))
            g_error ("Base %" G_GINT64_FORMAT ": step %s on %s is refused: %s",
                     id, sb_action_to_string (request.action),
                     sqlite3_column_text (steps, 2), error->message);
          sb_lifecycle_apply (&facts, &request);
          g_assert_cmpstr ((const char *) sqlite3_column_text (steps, 8), ==,
                           sb_base_state_to_string (facts.state));
          n_steps++;
        }
      sqlite3_reset (steps);

      /* The stored facts are exactly what the history makes. */
      g_assert_cmpstr (state, ==, sb_base_state_to_string (facts.state));
      g_assert_cmpint (sqlite3_column_int (bases, 2), ==, facts.cycle_months);
      g_assert_cmpint (sqlite3_column_int (bases, 3), ==, facts.extension_requested_months);
      g_assert_cmpint (sqlite3_column_int (bases, 4), ==, facts.extension_months);
      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        {
          /* A draft's last_transition_date is its creation date. */
          if (i == G_N_ELEMENTS (dates) - 1 && !g_date_valid (dates[i]))
            continue;
          assert_date_column (bases, 5 + i, dates[i], id);
        }
    }
  sqlite3_finalize (bases);
  sqlite3_finalize (steps);

  g_assert_cmpuint (n_steps, ==, query_int (fixture->programme, "SELECT count(*) FROM transitions"));
  g_assert_cmpuint (n_steps, >, 5 * SB_DEMO_DEFAULT_COUNT);
}

static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *today_text = NULL;
  GDate today;

  set_today (&today);
  today_text = sb_date_format (&today);

  /* Dates are stored as YYYY-MM-DD, so text order is date order. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM transitions t JOIN transitions u"
                              " ON u.base_id = t.base_id AND u.id > t.id"
                              " WHERE u.date < t.date"), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM transitions WHERE date > '%s'",
                                            today_text);

    g_assert_cmpint (query_int (fixture->programme, sql), ==, 0);
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM bases WHERE created_date > '%s'",
                                            today_text);

    g_assert_cmpint (query_int (fixture->programme, sql), ==, 0);
  }

  /* Each application is made before its first step... */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM transitions t JOIN bases b ON b.id = t.base_id"
                              " WHERE t.date < b.created_date"), ==, 0);
  /* ...and none before the regulation was in force (Art. 40). */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM bases WHERE created_date < '" IN_FORCE "'"),
                   ==, 0);

  /* Every date parses. */
  {
    sqlite3_stmt *stmt = prepare (fixture->programme,
                                  "SELECT date FROM transitions UNION ALL"
                                  " SELECT deadline FROM transitions WHERE deadline IS NOT NULL"
                                  " UNION ALL SELECT created_date FROM bases");

    while (sqlite3_step (stmt) == SQLITE_ROW)
      parse_date ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
}

/* Decisions of the authority, the experts and the reviewers are taken on
 * working days of the statutory calendar. */
static void
test_working_days (Fixture       *fixture,
                   gconstpointer  data)
{
  SbCalendar *calendar = sb_programme_get_calendar (fixture->programme);
  sqlite3_stmt *stmt = prepare (fixture->programme,
                                "SELECT base_id, action, date FROM transitions"
                                " WHERE role != 'applicant' ORDER BY id");
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 2);
      g_autoptr(GError) error = NULL;
      GDate date = parse_date (text);
      gboolean working = FALSE;

      sb_calendar_is_working_day (calendar, &date, &working, &error);
      g_assert_no_error (error);
      if (!working)
        g_error ("Base %d: %s on %s, which is not a working day",
                 sqlite3_column_int (stmt, 0), sqlite3_column_text (stmt, 1), text);
      n++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (n, >, 0);
}

/* Art. 16: the construction plan within 30 working days of approval. */
static void
test_construction_plan_in_time (Fixture       *fixture,
                                gconstpointer  data)
{
  SbCalendar *calendar = sb_programme_get_calendar (fixture->programme);
  sqlite3_stmt *stmt = prepare (fixture->programme,
                                "SELECT id, approval_date, plan_submitted_date FROM bases"
                                " WHERE plan_submitted_date IS NOT NULL");
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      GDate approved = parse_date ((const char *) sqlite3_column_text (stmt, 1));
      GDate submitted = parse_date ((const char *) sqlite3_column_text (stmt, 2));
      GDate due;

      g_assert_true (sb_calendar_add_working_days (calendar, &approved, SB_PLAN_WORKING_DAYS,
                                                   &due, &error));
      g_assert_no_error (error);
      if (g_date_compare (&submitted, &due) > 0)
        {
          g_autofree char *due_text = sb_date_format (&due);

          g_error ("Base %d: plan submitted on %s, after it was due on %s",
                   sqlite3_column_int (stmt, 0), sqlite3_column_text (stmt, 2), due_text);
        }
      g_assert_cmpint (g_date_compare (&submitted, &approved), >=, 0);
      n++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (n, >, SB_DEMO_DEFAULT_COUNT / 2);
}

/* Art. 24, 35, 36: an established base reports and is assessed every
 * year; by 27 November every past year's report (due 31 March) and
 * assessment (due 30 June) is in.
 */
static void
test_annual (Fixture       *fixture,
             gconstpointer  data)
{
  sqlite3_stmt *bases = prepare (fixture->programme,
                                 "SELECT id, established_date FROM bases"
                                 " WHERE state IN ('established', 'assessment-rectifying')");
  sqlite3_stmt *report = prepare (fixture->programme,
                                  "SELECT submitted_date, awards_applied, awards_won"
                                  " FROM annual_reports WHERE base_id = ? AND year = ?");
  sqlite3_stmt *assessment = prepare (fixture->programme,
                                      "SELECT date, passed, score_service, score_team,"
                                      " score_cooperation FROM assessments"
                                      " WHERE base_id = ? AND year = ?");
  guint n_bases = 0, n_years = 0;

  while (sqlite3_step (bases) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (bases, 0);
      GDate established = parse_date ((const char *) sqlite3_column_text (bases, 1));

      for (int year = g_date_get_year (&established); year < TODAY_YEAR; year++)
        {
          g_autofree char *year_text = g_strdup_printf ("%d-", year + 1);

          sqlite3_bind_int64 (report, 1, id);
          sqlite3_bind_int (report, 2, year);
          if (sqlite3_step (report) != SQLITE_ROW)
            g_error ("Established base %" G_GINT64_FORMAT " has no annual report for %d", id, year);
          g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (report, 0), year_text));
          g_assert_cmpint (sqlite3_column_int (report, 2), <=, sqlite3_column_int (report, 1));
          sqlite3_reset (report);

          sqlite3_bind_int64 (assessment, 1, id);
          sqlite3_bind_int (assessment, 2, year);
          if (sqlite3_step (assessment) != SQLITE_ROW)
            g_error ("Established base %" G_GINT64_FORMAT " has no assessment for %d", id, year);
          g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (assessment, 0), year_text));
          for (int i = 2; i <= 4; i++)
            {
              g_assert_cmpint (sqlite3_column_type (assessment, i), !=, SQLITE_NULL);
              g_assert_cmpfloat (sqlite3_column_double (assessment, i), >=, 0);
              g_assert_cmpfloat (sqlite3_column_double (assessment, i), <=, 100);
            }
          sqlite3_reset (assessment);
          n_years++;
        }
      n_bases++;
    }
  sqlite3_finalize (bases);
  sqlite3_finalize (report);
  sqlite3_finalize (assessment);

  g_assert_cmpuint (n_bases, >, 0);
  g_assert_cmpuint (n_years, >=, n_bases);

  /* Reports and assessments exist only for established bases' years. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM annual_reports r JOIN bases b ON b.id = r.base_id"
                              " WHERE b.established_date IS NULL"
                              " OR r.year < CAST(substr(b.established_date, 1, 4) AS INTEGER)"),
                   ==, 0);
  /* The standards a report lists are of the levels its figures count. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM annual_reports r WHERE"
                              " (SELECT count(*) FROM standards s WHERE s.base_id = r.base_id"
                              "   AND s.year = r.year AND s.source = 'produced'"
                              "   AND s.level = 'international') > r.standards_international"
                              " OR (SELECT count(*) FROM standards s WHERE s.base_id = r.base_id"
                              "   AND s.year = r.year AND s.source = 'produced'"
                              "   AND s.level = 'national') > r.standards_national"
                              " OR (SELECT count(*) FROM standards s WHERE s.base_id = r.base_id"
                              "   AND s.year = r.year AND s.source = 'produced'"
                              "   AND s.level = 'industry') > r.standards_industry"
                              " OR (SELECT count(*) FROM standards s WHERE s.base_id = r.base_id"
                              "   AND s.year = r.year AND s.source = 'produced'"
                              "   AND s.level = 'local') > r.standards_local"
                              " OR (SELECT count(*) FROM standards s WHERE s.base_id = r.base_id"
                              "   AND s.year = r.year AND s.source = 'produced'"
                              "   AND s.level = 'group') > r.standards_group"), ==, 0);
  /* A produced standard belongs to a year the base reported on, or to this
   * year (the fixture's today is in 2026), which next year's report will
   * count; those are only an established base's. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM standards s WHERE s.source = 'produced'"
                              " AND s.year <> 2026"
                              " AND NOT EXISTS (SELECT 1 FROM annual_reports r"
                              "  WHERE r.base_id = s.base_id AND r.year = s.year)"), ==, 0);
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM standards s JOIN bases b ON b.id = s.base_id"
                              " WHERE s.source = 'produced' AND s.year = 2026"
                              " AND b.state <> 'established'"), ==, 0);
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM standards s WHERE s.source = 'produced'"
                              " AND s.year = 2026"), >, 0);
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM assessments a WHERE NOT EXISTS"
                              " (SELECT 1 FROM annual_reports r WHERE r.base_id = a.base_id"
                              "  AND r.year = a.year)"), ==, 0);
}

static void
test_applications (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Art. 11: five conditions each; Art. 13: a recommender; Art. 3: tags. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM bases b WHERE (SELECT count(*) FROM"
                              " application_conditions c WHERE c.base_id = b.id"
                              " AND c.statement != '') != 5"), ==, 0);
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM bases b JOIN organisations r"
                              " ON r.id = b.recommender_id"
                              " WHERE r.kind IN ('industry_department', 'city_authority')"),
                   ==, SB_DEMO_DEFAULT_COUNT);
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM bases b WHERE NOT EXISTS"
                              " (SELECT 1 FROM base_tags t WHERE t.base_id = b.id)"), ==, 0);
  /* A city recommends only the bases in its own area. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM bases b JOIN organisations r"
                              " ON r.id = b.recommender_id"
                              " WHERE r.kind = 'city_authority' AND r.city_code != b.city_code"),
                   ==, 0);
  /* Short names are unique: they make the base's name. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(DISTINCT short_name_zh) FROM bases"),
                   ==, SB_DEMO_DEFAULT_COUNT);
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM bases WHERE short_name_en = ''"), ==, 0);
  /* Two units cannot register the same name. */
  g_assert_cmpint (query_int (fixture->programme, "SELECT count(DISTINCT name) FROM organisations"),
                   ==, query_int (fixture->programme, "SELECT count(*) FROM organisations"));
  /* A unit's address is a place, not the unit's own name. */
  g_assert_cmpint (query_int (fixture->programme,
                              "SELECT count(*) FROM organisations"
                              " WHERE address IS NOT NULL AND instr(address, name) > 0"), ==, 0);
}

static void
test_refuses_non_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_programme (fixture->programme);
  g_autofree char *after = NULL;
  GDate today;

  set_today (&today);
  g_assert_false (sb_demo_fill (sb_programme_get_store (fixture->programme), 5, 99,
                                &today, &error));
  g_assert_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "72"));

  after = dump_programme (fixture->programme);
  g_assert_cmpstr (before, ==, after);
}

/* A demo that fails half-way leaves nothing behind.  The failure is forced
 * by a unit that already holds the credit code the demo will give to its
 * eleventh lead unit.
 */
static void
test_rolls_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_autoptr(SbProgramme) reference = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  g_autofree char *code = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SbOrganisationInput input = { 0 };
  GDate today;

  g_assert_no_error (error);
  reference = open_programme (dir, "reference.db");
  fill (reference, 20, 7);
  {
    sqlite3_stmt *stmt = prepare (reference,
                                  "SELECT o.credit_code FROM bases b JOIN organisations o"
                                  " ON o.id = b.lead_unit_id WHERE b.id = 11");

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }

  programme = open_programme (dir, "clash.db");
  input.name = "已登记的单位";
  input.credit_code = code;
  input.kind = "enterprise";
  input.legal_person = TRUE;
  g_assert_cmpint (sb_base_store_add_organisation (sb_programme_get_store (programme),
                                                   &input, &error), >, 0);
  g_assert_no_error (error);
  before = dump_programme (programme);

  set_today (&today);
  g_assert_false (sb_demo_fill (sb_programme_get_store (programme), 20, 7, &today, &error));
  g_assert_nonnull (error);
  g_test_message ("Forced failure: %s", error->message);

  after = dump_programme (programme);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (programme, "SELECT count(*) FROM bases"), ==, 0);

  /* The connection is usable afterwards, outside any transaction. */
  g_assert_true (sqlite3_get_autocommit (handle (programme)));
  g_clear_error (&error);
  g_assert_cmpint (sb_base_store_create_base (sb_programme_get_store (programme), "测试", "Test",
                                              "semiconductors", 0, 0, "1401", &today,
                                              &error), >, 0);
  g_assert_no_error (error);

  g_clear_object (&reference);
  g_clear_object (&programme);
  remove_tree (dir);
}

/* Like `stdbase-cli demo --count 10000`, at a size that keeps the test
 * quick: names and codes stay unique, every history stays legal.
 */
static void
test_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_autoptr(SbProgramme) programme = NULL;
  const guint count = 2000;
  double elapsed;

  g_assert_no_error (error);
  programme = open_programme (dir, "large.db");

  g_test_timer_start ();
  fill (programme, count, 11);
  elapsed = g_test_timer_elapsed ();
  g_test_message ("%u bases in %.2f s", count, elapsed);

  g_assert_cmpint (query_int (programme, "SELECT count(*) FROM bases"), ==, count);
  g_assert_cmpint (query_int (programme, "SELECT count(DISTINCT credit_code) FROM organisations"
                              " WHERE credit_code IS NOT NULL"),
                   ==, query_int (programme, "SELECT count(*) FROM organisations"
                                  " WHERE credit_code IS NOT NULL"));
  g_assert_cmpint (query_int (programme, "SELECT count(DISTINCT short_name_zh) FROM bases"),
                   ==, count);
  g_assert_cmpint (query_int (programme, "SELECT count(*) FROM transitions"
                              " WHERE date > '2026-11-27'"), ==, 0);
  assert_every_state (programme);

  /* Every history replays: the same check as for the default demo. */
  {
    Fixture fixture = { .dir = NULL, .programme = programme };

    test_histories (&fixture, NULL);
  }

  g_clear_object (&programme);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/demo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("count", test_count);
  ADD ("domains", test_domains);
  ADD ("cities", test_cities);
  ADD ("states", test_states);
  ADD ("credit-codes", test_credit_codes);
  ADD ("standards", test_standards);
  ADD ("histories", test_histories);
  ADD ("dates", test_dates);
  ADD ("working-days", test_working_days);
  ADD ("construction-plan-in-time", test_construction_plan_in_time);
  ADD ("annual", test_annual);
  ADD ("applications", test_applications);
  ADD ("refuses-non-empty", test_refuses_non_empty);

#undef ADD

  g_test_add_func ("/demo/states-small", test_states_small);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/rolls-back", test_rolls_back);
  g_test_add_func ("/demo/large", test_large);

  return g_test_run ();
}
