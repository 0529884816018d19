/* test-statistics.c: the programme's figures, for the dashboard and charts
 *
 * Each programme here is built by hand, step by dated step through the
 * life-cycle rules, so every expected figure below was counted by hand from
 * the histories written in the test; the working is in the comments.  The
 * day of every figure is 2026-11-27, a Friday.  Deadlines are worked out on
 * a wall calendar with the 2026 holiday notice; 2027 has no calendar data,
 * so a construction plan due in 2027 has no computable date.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sb-credit-code.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-programme.h"
#include "sb-statistics.h"

#define TODAY "2026-11-27"

/* Helpers */

typedef struct
{
  char        *dir;
  SbProgramme *programme;
  SbBaseStore *store;
  GDate        today;
  guint        n_units;
} Fixture;

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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-statistics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->programme);
  fixture->store = sb_programme_get_store (fixture->programme);
  fixture->today = parse_date (TODAY);
  fixture->n_units = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static SbDatabase *
database (Fixture *fixture)
{
  return sb_programme_get_database (fixture->programme);
}

static GPtrArray *
list_bases (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *bases = sb_base_store_list (fixture->store, NULL, &fixture->today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bases);

  return bases;
}

/* A lead unit registered in the district @division, with a valid code. */
static gint64
add_unit (Fixture    *fixture,
          const char *division)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  SbOrganisationInput input = { 0 };
  gint64 id;

  /* Not every organisation code has a check digit: try the next one. */
  while (code == NULL)
    {
      g_autofree char *base = g_strdup_printf ("MA%06u", ++fixture->n_units);

      code = sb_credit_code_build ('9', '1', division, base);
    }
  g_assert_true (sb_credit_code_is_valid (code, SB_CREDIT_CODE_FLAGS_REQUIRE_SHANXI));

  name = g_strdup_printf ("山西测试单位%u有限公司", fixture->n_units);
  input.name = name;
  input.credit_code = code;
  input.kind = "enterprise";
  input.legal_person = TRUE;
  id = sb_base_store_add_organisation (fixture->store, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* A draft, with its lead unit in @city and the city's authority as its
 * recommender (an industry department when there is no city). */
static gint64
add_base (Fixture    *fixture,
          const char *short_name,
          const char *domain,
          const char *city)
{
  static const struct
  {
    const char *city;
    const char *division;
  } divisions[] = {
    { "1401", "140105" }, { "1402", "140213" }, { "1403", "140302" },
    { "1404", "140403" }, { "zone", "140191" },
  };
  g_autoptr(GError) error = NULL;
  const char *division = "140105";
  GDate created = parse_date ("2021-01-04");
  gint64 lead_unit, recommender, id;

  for (guint i = 0; i < G_N_ELEMENTS (divisions); i++)
    {
      if (g_strcmp0 (city, divisions[i].city) == 0)
        division = divisions[i].division;
    }

  lead_unit = add_unit (fixture, division);
  recommender = sb_base_store_find_recommender (fixture->store, city, 0);
  g_assert_cmpint (recommender, >, 0);

  id = sb_base_store_create_base (fixture->store, short_name, NULL, domain, lead_unit,
                                  recommender, city, &created, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Takes a step as whoever the regulation says takes it: who may do what
 * is test-lifecycle's business, not ours. */
static void
take_full (Fixture    *fixture,
           gint64      id,
           SbAction    action,
           const char *date,
           int         months,
           int         year,
           const char *deadline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBase) base = NULL;
  SbTransitionRequest request;
  SbRole role;
  GDate when = parse_date (date);
  gboolean ok;

  base = sb_base_store_load (fixture->store, id, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (sb_lifecycle_find_rule (action, sb_base_get_state (base), NULL, &role, NULL));

  sb_transition_request_init (&request, action, role, &when);
  request.actor = "测试";
  request.note = "测试记录";
  request.months = months;
  request.year = year;
  if (deadline != NULL)
    request.deadline = parse_date (deadline);

  ok = sb_base_store_perform (fixture->store, id, &request, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
take (Fixture    *fixture,
      gint64      id,
      SbAction    action,
      const char *date)
{
  take_full (fixture, id, action, date, 0, 0, NULL);
}

static void
take_year (Fixture    *fixture,
           gint64      id,
           SbAction    action,
           const char *date,
           int         year)
{
  take_full (fixture, id, action, date, 0, year, NULL);
}

/* The application's way to the authority's decision (@last: approve or
 * reject) on @date, the earlier steps some weeks before. */
static void
decide (Fixture    *fixture,
        gint64      id,
        const char *date,
        SbAction    last,
        int         months)
{
  static const struct
  {
    SbAction action;
    int      days_before;
  } steps[] = {
    { SB_ACTION_SUBMIT, 120 },
    { SB_ACTION_RECOMMEND, 100 },
    { SB_ACTION_PASS_FORMAL_REVIEW, 80 },
    { SB_ACTION_COMPLETE_EXPERT_REVIEW, 45 },
  };
  GDate decided = parse_date (date);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GDate when = decided;
      char text[SB_DATE_TEXT_SIZE];

      g_date_subtract_days (&when, steps[i].days_before);
      g_assert_true (sb_date_write (&when, text));
      take (fixture, id, steps[i].action, text);
    }
  take_full (fixture, id, last, date, months, 0, NULL);
}

static void
approve (Fixture    *fixture,
         gint64      id,
         const char *date)
{
  decide (fixture, id, date, SB_ACTION_APPROVE, 0);
}

static void
add_standard (Fixture    *fixture,
              gint64      id,
              const char *designation,
              const char *source)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sb_base_store_add_standard (fixture->store, id, designation, NULL, "led", source, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Approved 2021-10-08 (36 months, the cycle ends 2024-10-08), established
 * 2024-09-10; the 2024 assessment passed, the 2025 one failed with
 * rectification by 2026-12-20.
 */
static gint64
add_rectifying_base (Fixture    *fixture,
                     const char *short_name,
                     const char *domain,
                     const char *city)
{
  gint64 id = add_base (fixture, short_name, domain, city);

  approve (fixture, id, "2021-10-08");
  take (fixture, id, SB_ACTION_SUBMIT_PLAN, "2021-11-01");
  take (fixture, id, SB_ACTION_SUBMIT_MIDTERM_REPORT, "2023-03-20");
  take (fixture, id, SB_ACTION_EVALUATE_MIDTERM, "2023-04-20");
  /* Art. 20: no later than 2024-07-08. */
  take (fixture, id, SB_ACTION_APPLY_FOR_ACCEPTANCE, "2024-06-20");
  take (fixture, id, SB_ACTION_PASS_ACCEPTANCE, "2024-09-10");
  take_year (fixture, id, SB_ACTION_SUBMIT_ANNUAL_REPORT, "2025-03-10", 2024);
  take_year (fixture, id, SB_ACTION_PASS_ASSESSMENT, "2025-06-05", 2024);
  take_year (fixture, id, SB_ACTION_SUBMIT_ANNUAL_REPORT, "2026-03-05", 2025);
  take_full (fixture, id, SB_ACTION_FAIL_ASSESSMENT, "2026-06-10", 0, 2025, "2026-12-20");

  return id;
}

/* The programme most tests count.  On 2026-11-27:
 *
 *  base  domain            city  state (phase)            pending deadlines
 *  B1    semiconductors    1401  draft (applying)         none
 *  B2    semiconductors    1401  preparing                plan 2026-07-14 OVERDUE;
 *                                                          midterm 2027-12-01 and the
 *                                                          cycle's 2029 ones upcoming
 *  B3    semiconductors    1402  preparing                plan UNKNOWN (in 2027);
 *                                                          midterm 2028-05-20 etc. upcoming
 *  B4    big-data          1402  constructing             midterm 2026-12-10 DUE SOON
 *                                                          (13 days); 2028 ones upcoming
 *  B5    big-data          zone  assessment-rectifying    rectification 2026-12-20
 *                                (established)            DUE SOON (23 days); 2026
 *                                                          report and assessment upcoming
 *  B6    carbon-materials  1403  rejected                 none
 *  B7    (none)            1401  draft (applying)         none
 *  B8    carbon-materials  1403  constructing             midterm 2026-11-06 OVERDUE;
 *                                                          2028 ones upcoming
 *  B9    coal-measure-gas  1404  constructing             acceptance application
 *                                                          2026-09-15 OVERDUE; extension
 *                                                          request and cycle end
 *                                                          2026-12-15 DUE SOON (18 days)
 *
 * B2's plan: 30 working days after Monday 2026-06-01: June 2–5 (4),
 * 8–12 (9), 15–18 (13; the 19th is the Dragon Boat Festival), 22–26 (18),
 * 29–30 (20), July 1–3 (23), 6–10 (28), 13 (29), 14 (30).
 * B3's plan: 30 working days after Friday 2026-11-20 run from November 23
 * to 31 December (29 days) and on into 2027.
 * Midterms are 18 months after approval (50 % of 36): B4 2025-06-10 →
 * 2026-12-10, B8 2025-05-06 → 2026-11-06.  B9 approved 2023-12-15: the cycle
 * ends 2026-12-15, acceptance is due 3 months before.
 */
enum { B1 = 1, B2, B3, B4, B5, B6, B7, B8, B9, N_MAIN_BASES = B9 };

static void
build_main (Fixture *fixture,
            gint64   ids[N_MAIN_BASES + 1])
{
  ids[0] = 0;

  ids[B1] = add_base (fixture, "草稿", "semiconductors", "1401");

  ids[B2] = add_base (fixture, "筹建甲", "semiconductors", "1401");
  approve (fixture, ids[B2], "2026-06-01");

  ids[B3] = add_base (fixture, "筹建乙", "semiconductors", "1402");
  approve (fixture, ids[B3], "2026-11-20");

  ids[B4] = add_base (fixture, "建设中", "big-data", "1402");
  approve (fixture, ids[B4], "2025-06-10");
  take (fixture, ids[B4], SB_ACTION_SUBMIT_PLAN, "2025-07-01");

  ids[B5] = add_rectifying_base (fixture, "整改中", "big-data", "zone");
  add_standard (fixture, ids[B5], "GB/T 40001-2026", "produced");
  add_standard (fixture, ids[B5], "DB14/T 3001-2026", "produced");
  add_standard (fixture, ids[B5], "T/SXBZ 001-2025", "produced");
  add_standard (fixture, ids[B5], "GB/T 40009-2026", "application");

  ids[B6] = add_base (fixture, "未获批", "carbon-materials", "1403");
  decide (fixture, ids[B6], "2026-05-11", SB_ACTION_REJECT, 0);

  ids[B7] = add_base (fixture, "未选领域", NULL, "1401");

  ids[B8] = add_base (fixture, "中期逾期", "carbon-materials", "1403");
  approve (fixture, ids[B8], "2025-05-06");
  take (fixture, ids[B8], SB_ACTION_SUBMIT_PLAN, "2025-06-01");

  ids[B9] = add_base (fixture, "临近期满", "coal-measure-gas", "1404");
  approve (fixture, ids[B9], "2023-12-15");
  take (fixture, ids[B9], SB_ACTION_SUBMIT_PLAN, "2024-01-10");
  take (fixture, ids[B9], SB_ACTION_SUBMIT_MIDTERM_REPORT, "2025-06-10");
  take (fixture, ids[B9], SB_ACTION_EVALUATE_MIDTERM, "2025-07-10");
}

typedef struct
{
  const char       *code;
  int               by_phase[SB_N_PHASES]; /* applying, preparing, constructing,
                                              established, revoked, rejected */
  int               total;
  int               nearest;               /* B1…B9, or 0 for none */
  SbDeadlineKind    kind;
  SbDeadlineStatus  status;
  const char       *date;                  /* NULL: cannot be computed */
  int               days_left;
} ExpectedGroup;

static void
assert_group (const SbGroupSummary *summary,
              const ExpectedGroup  *expected,
              const gint64          ids[N_MAIN_BASES + 1])
{
  if (g_test_verbose ())
    g_test_message ("group %s", expected->code);
  g_assert_cmpstr (summary->reference.code, ==, expected->code);
  for (guint p = 0; p < SB_N_PHASES; p++)
    g_assert_cmpint (summary->by_phase[p], ==, expected->by_phase[p]);
  g_assert_cmpint (summary->total, ==, expected->total);

  if (expected->nearest == 0)
    {
      g_assert_false (summary->has_nearest);
      return;
    }

  g_assert_true (summary->has_nearest);
  g_assert_cmpint (summary->nearest_base_id, ==, ids[expected->nearest]);
  g_assert_cmpint (summary->nearest.kind, ==, expected->kind);
  g_assert_cmpint (summary->nearest.status, ==, expected->status);
  g_assert_null (summary->nearest.problem);
  if (expected->date == NULL)
    {
      g_assert_false (g_date_valid (&summary->nearest.date));
    }
  else
    {
      g_autofree char *text = sb_date_format (&summary->nearest.date);

      g_assert_cmpstr (text, ==, expected->date);
      g_assert_cmpint (summary->nearest.days_left, ==, expected->days_left);
    }
}

static const ExpectedGroup expected_domains[] = {
  { "high-end-equipment", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "intelligent-coal-mining", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "coal-measure-gas", { 0, 0, 1, 0, 0, 0 }, 1,
    B9, SB_DEADLINE_ACCEPTANCE_APPLICATION, SB_DEADLINE_STATUS_OVERDUE, "2026-09-15", -73 },
  { "rail-transit", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "general-aviation", { 0 }, 0, 0, 0, 0, NULL, 0 },
  /* B2's overdue plan is the earliest date, but B3's cannot be computed. */
  { "semiconductors", { 1, 2, 0, 0, 0, 0 }, 3,
    B3, SB_DEADLINE_CONSTRUCTION_PLAN, SB_DEADLINE_STATUS_UNKNOWN, NULL, 0 },
  { "carbon-materials", { 0, 0, 1, 0, 0, 1 }, 2,
    B8, SB_DEADLINE_MIDTERM_REPORT, SB_DEADLINE_STATUS_OVERDUE, "2026-11-06", -21 },
  { "special-metals", { 0 }, 0, 0, 0, 0, NULL, 0 },
  /* B4's midterm on 12-10 before B5's rectification on 12-20. */
  { "big-data", { 0, 0, 1, 1, 0, 0 }, 2,
    B4, SB_DEADLINE_MIDTERM_REPORT, SB_DEADLINE_STATUS_DUE_SOON, "2026-12-10", 13 },
  { "it-innovation", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "biomedicine", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "agriculture", { 0 }, 0, 0, 0, 0, NULL, 0 },
};

static const ExpectedGroup expected_cities[] = {
  /* B1 and B7 have no deadline; B7 counts here though it has no domain. */
  { "1401", { 2, 1, 0, 0, 0, 0 }, 3,
    B2, SB_DEADLINE_CONSTRUCTION_PLAN, SB_DEADLINE_STATUS_OVERDUE, "2026-07-14", -136 },
  { "1402", { 0, 1, 1, 0, 0, 0 }, 2,
    B3, SB_DEADLINE_CONSTRUCTION_PLAN, SB_DEADLINE_STATUS_UNKNOWN, NULL, 0 },
  { "1403", { 0, 0, 1, 0, 0, 1 }, 2,
    B8, SB_DEADLINE_MIDTERM_REPORT, SB_DEADLINE_STATUS_OVERDUE, "2026-11-06", -21 },
  { "1404", { 0, 0, 1, 0, 0, 0 }, 1,
    B9, SB_DEADLINE_ACCEPTANCE_APPLICATION, SB_DEADLINE_STATUS_OVERDUE, "2026-09-15", -73 },
  { "1405", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "1406", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "1407", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "1408", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "1409", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "1410", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "1411", { 0 }, 0, 0, 0, 0, NULL, 0 },
  { "zone", { 0, 0, 0, 1, 0, 0 }, 1,
    B5, SB_DEADLINE_RECTIFICATION, SB_DEADLINE_STATUS_DUE_SOON, "2026-12-20", 23 },
};

static GArray *
list_domains (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GArray *domains = sb_statistics_list_domains (database (fixture), &error);

  g_assert_no_error (error);
  g_assert_nonnull (domains);

  return domains;
}

static GArray *
list_cities (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GArray *cities = sb_statistics_list_cities (database (fixture), &error);

  g_assert_no_error (error);
  g_assert_nonnull (cities);

  return cities;
}

static void
summarise (Fixture            *fixture,
           GPtrArray          *bases,
           SbProgrammeSummary *summary)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sb_statistics_summarise_programme (fixture->store, bases, &fixture->today,
                                          summary, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
count_pipeline (Fixture *fixture,
                int      counts[SB_N_PIPELINE_STEPS])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  int from_bases[SB_N_PIPELINE_STEPS];
  gboolean ok;

  ok = sb_statistics_count_pipeline (database (fixture), counts, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* The dashboard counts from the listed bases' facts: it must agree with
   * the history in every case the tests build. */
  bases = sb_base_store_list (fixture->store, NULL, &fixture->today, &error);
  g_assert_no_error (error);
  sb_statistics_count_pipeline_of_bases (bases, from_bases);
  for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
    g_assert_cmpint (from_bases[i], ==, counts[i]);
}

static GArray *
standards_by_year (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GArray *years = sb_statistics_standards_by_year (database (fixture), &error);

  g_assert_no_error (error);
  g_assert_nonnull (years);

  return years;
}

static GArray *
assessments_by_year (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GArray *years = sb_statistics_assessments_by_year (database (fixture), &error);

  g_assert_no_error (error);
  g_assert_nonnull (years);

  return years;
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (sb_database_get_handle (database (fixture)), sql,
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static int
sum_phases (const int by_phase[SB_N_PHASES])
{
  int sum = 0;

  for (guint p = 0; p < SB_N_PHASES; p++)
    sum += by_phase[p];

  return sum;
}

/* Tests */

/* The reference data as migration 1 ships it, in its stored order. */
static void
test_references (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) domains = list_domains (fixture);
  g_autoptr(GArray) cities = list_cities (fixture);
  g_autoptr(GArray) tags = sb_statistics_list_tags (database (fixture), &error);
  const SbReference *reference;

  g_assert_no_error (error);
  g_assert_nonnull (tags);

  g_assert_cmpuint (domains->len, ==, 12);
  reference = &g_array_index (domains, SbReference, 0);
  g_assert_cmpstr (reference->code, ==, "high-end-equipment");
  g_assert_cmpstr (reference->name_zh, ==, "高端装备制造");
  g_assert_cmpstr (reference->name_en, ==, "High-end equipment manufacturing");
  reference = &g_array_index (domains, SbReference, 11);
  g_assert_cmpstr (reference->code, ==, "agriculture");
  g_assert_cmpstr (reference->name_zh, ==, "现代农业");

  g_assert_cmpuint (cities->len, ==, 12);
  for (guint i = 0; i < G_N_ELEMENTS (expected_cities); i++)
    g_assert_cmpstr (g_array_index (cities, SbReference, i).code, ==, expected_cities[i].code);
  reference = &g_array_index (cities, SbReference, 11);
  g_assert_cmpstr (reference->name_zh, ==, "山西转型综合改革示范区");
  g_assert_cmpstr (reference->name_en, ==,
                   "Shanxi Transformation and Comprehensive Reform Demonstration Zone");

  g_assert_cmpuint (tags->len, ==, 6);
  reference = &g_array_index (tags, SbReference, 0);
  g_assert_cmpstr (reference->code, ==, "new-infrastructure");
  g_assert_cmpstr (reference->name_zh, ==, "新基建");
  reference = &g_array_index (tags, SbReference, 5);
  g_assert_cmpstr (reference->code, ==, "new-business");
  g_assert_cmpstr (reference->name_en, ==, "New business forms");
}

/* The order is the position column, not the order of insertion, and a
 * domain the authority adds is listed (Art. 3: the list is data). */
static void
test_references_order (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GArray) domains = NULL;
  g_autoptr(GArray) cities = NULL;

  exec_sql (fixture,
            "INSERT INTO domains (code, name_zh, name_en, position)"
            " VALUES ('hydrogen', '氢能', 'Hydrogen energy', 13);"
            "UPDATE domains SET position = 0 WHERE code = 'agriculture';"
            "UPDATE cities SET position = 0 WHERE code = 'zone';");

  domains = list_domains (fixture);
  g_assert_cmpuint (domains->len, ==, 13);
  g_assert_cmpstr (g_array_index (domains, SbReference, 0).code, ==, "agriculture");
  g_assert_cmpstr (g_array_index (domains, SbReference, 1).code, ==, "high-end-equipment");
  g_assert_cmpstr (g_array_index (domains, SbReference, 12).code, ==, "hydrogen");
  g_assert_cmpstr (g_array_index (domains, SbReference, 12).name_zh, ==, "氢能");

  cities = list_cities (fixture);
  g_assert_cmpstr (g_array_index (cities, SbReference, 0).code, ==, "zone");
  g_assert_cmpstr (g_array_index (cities, SbReference, 1).code, ==, "1401");
}

static void
test_reference_clear (void)
{
  g_auto(SbReference) reference = {
    .code = g_strdup ("big-data"),
    .name_zh = g_strdup ("大数据"),
    .name_en = g_strdup ("Big data"),
  };

  sb_reference_clear (&reference);
  g_assert_null (reference.code);
  g_assert_null (reference.name_zh);
  g_assert_null (reference.name_en);
  /* Clearing twice is harmless: the g_auto cleanup does it again. */
  sb_reference_clear (&reference);
}

/* No base at all: every group is listed, with nothing in it. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GArray) domains = list_domains (fixture);
  g_autoptr(GArray) cities = list_cities (fixture);
  g_autoptr(GPtrArray) bases = list_bases (fixture);
  g_autoptr(GPtrArray) by_domain = NULL;
  g_autoptr(GPtrArray) by_city = NULL;
  g_autoptr(GArray) standards = NULL;
  g_autoptr(GArray) assessments = NULL;
  SbProgrammeSummary summary;
  int pipeline[SB_N_PIPELINE_STEPS];

  g_assert_cmpuint (bases->len, ==, 0);

  by_domain = sb_statistics_summarise_domains (domains, bases);
  by_city = sb_statistics_summarise_cities (cities, bases);
  g_assert_cmpuint (by_domain->len, ==, 12);
  g_assert_cmpuint (by_city->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      const SbGroupSummary *domain = g_ptr_array_index (by_domain, i);
      const SbGroupSummary *city = g_ptr_array_index (by_city, i);

      g_assert_cmpstr (domain->reference.code, ==, expected_domains[i].code);
      g_assert_cmpint (domain->total, ==, 0);
      g_assert_cmpint (sum_phases (domain->by_phase), ==, 0);
      g_assert_false (domain->has_nearest);

      g_assert_cmpstr (city->reference.code, ==, expected_cities[i].code);
      g_assert_cmpint (city->total, ==, 0);
      g_assert_cmpint (sum_phases (city->by_phase), ==, 0);
      g_assert_false (city->has_nearest);
    }

  /* Filled with garbage first: every field must be set. */
  memset (&summary, 0x55, sizeof summary);
  summarise (fixture, bases, &summary);
  g_assert_cmpint (summary.total, ==, 0);
  g_assert_cmpint (sum_phases (summary.by_phase), ==, 0);
  g_assert_cmpint (summary.due_within_30_days, ==, 0);
  g_assert_cmpint (summary.overdue, ==, 0);
  g_assert_cmpint (summary.unknown_deadlines, ==, 0);
  g_assert_cmpint (summary.standards_this_year, ==, 0);

  memset (pipeline, 0x55, sizeof pipeline);
  count_pipeline (fixture, pipeline);
  for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
    g_assert_cmpint (pipeline[i], ==, 0);

  standards = standards_by_year (fixture);
  g_assert_cmpuint (standards->len, ==, 0);
  assessments = assessments_by_year (fixture);
  g_assert_cmpuint (assessments->len, ==, 0);
}

static void
test_domains (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 ids[N_MAIN_BASES + 1];
  g_autoptr(GArray) domains = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  int sum = 0;

  build_main (fixture, ids);
  domains = list_domains (fixture);
  bases = list_bases (fixture);
  g_assert_cmpuint (bases->len, ==, N_MAIN_BASES);

  summaries = sb_statistics_summarise_domains (domains, bases);
  g_assert_cmpuint (summaries->len, ==, G_N_ELEMENTS (expected_domains));
  for (guint i = 0; i < summaries->len; i++)
    {
      const SbGroupSummary *group = g_ptr_array_index (summaries, i);

      assert_group (group, &expected_domains[i], ids);
      g_assert_cmpstr (group->reference.name_zh, ==,
                       g_array_index (domains, SbReference, i).name_zh);
      g_assert_cmpstr (group->reference.name_en, ==,
                       g_array_index (domains, SbReference, i).name_en);
      sum += group->total;
    }

  /* B7 has no domain, so it counts in none. */
  g_assert_cmpint (sum, ==, N_MAIN_BASES - 1);
}

static void
test_cities (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 ids[N_MAIN_BASES + 1];
  g_autoptr(GArray) cities = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  int sum = 0;

  build_main (fixture, ids);
  cities = list_cities (fixture);
  bases = list_bases (fixture);

  summaries = sb_statistics_summarise_cities (cities, bases);
  g_assert_cmpuint (summaries->len, ==, G_N_ELEMENTS (expected_cities));
  for (guint i = 0; i < summaries->len; i++)
    {
      const SbGroupSummary *group = g_ptr_array_index (summaries, i);

      assert_group (group, &expected_cities[i], ids);
      sum += group->total;
    }

  g_assert_cmpint (sum, ==, N_MAIN_BASES);
}

/* The nearest deadline does not depend on the order of the bases: one that
 * cannot be computed wins from either side, and so does the earliest date.
 * The summary copies the deadline but never its problem text, which stays
 * the base's.
 */
static void
test_nearest (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 ids[N_MAIN_BASES + 1];
  g_autoptr(GArray) domains = NULL;
  g_autoptr(GArray) cities = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) reversed = NULL;
  SbBase *b3 = NULL;

  build_main (fixture, ids);
  domains = list_domains (fixture);
  cities = list_cities (fixture);
  bases = list_bases (fixture);

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);

      if (sb_base_get_id (base) == ids[B3])
        b3 = base;
    }
  g_assert_nonnull (b3);
  g_assert_cmpint (sb_base_get_next_deadline (b3)->status, ==, SB_DEADLINE_STATUS_UNKNOWN);
  g_assert_nonnull (sb_base_get_next_deadline (b3)->problem);

  reversed = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = bases->len; i > 0; i--)
    g_ptr_array_add (reversed, g_object_ref (g_ptr_array_index (bases, i - 1)));

  for (guint order = 0; order < 2; order++)
    {
      GPtrArray *list = order == 0 ? bases : reversed;
      g_autoptr(GPtrArray) by_domain = sb_statistics_summarise_domains (domains, list);
      g_autoptr(GPtrArray) by_city = sb_statistics_summarise_cities (cities, list);

      for (guint i = 0; i < by_domain->len; i++)
        assert_group (g_ptr_array_index (by_domain, i), &expected_domains[i], ids);
      for (guint i = 0; i < by_city->len; i++)
        assert_group (g_ptr_array_index (by_city, i), &expected_cities[i], ids);
    }

  /* The summaries outlive the bases they were made from. */
  {
    g_autoptr(GPtrArray) by_domain = sb_statistics_summarise_domains (domains, bases);

    g_clear_pointer (&bases, g_ptr_array_unref);
    g_clear_pointer (&reversed, g_ptr_array_unref);
    assert_group (g_ptr_array_index (by_domain, 5), &expected_domains[5], ids);
  }
}

/* Only pending next deadlines count: with every base's next deadline met
 * or lapsed, no group has a nearest one. */
static void
test_nearest_none (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 ids[N_MAIN_BASES + 1];
  g_autoptr(GArray) domains = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) summaries = NULL;

  build_main (fixture, ids);
  domains = list_domains (fixture);
  bases = list_bases (fixture);

  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);
      const SbDeadline *next = sb_base_get_next_deadline (base);

      if (next != NULL)
        {
          SbDeadline met = *next;

          met.status = i % 2 == 0 ? SB_DEADLINE_STATUS_MET : SB_DEADLINE_STATUS_LAPSED;
          met.problem = NULL;
          sb_base_set_next_deadline (base, &met);
        }
    }

  summaries = sb_statistics_summarise_domains (domains, bases);
  for (guint i = 0; i < summaries->len; i++)
    {
      const SbGroupSummary *group = g_ptr_array_index (summaries, i);

      g_assert_false (group->has_nearest);
      g_assert_cmpint (group->total, ==, expected_domains[i].total);
    }
}

/* By phase (B1, B7 applying; B2, B3 preparing; B4, B8, B9 constructing;
 * B5 established; B6 rejected) and every pending deadline of every base,
 * not only the next: due within 30 days B4 midterm, B5 rectification, B9
 * extension request and cycle end (4); overdue B2 plan, B8 midterm, B9
 * acceptance application (3); B3's plan cannot be computed, and counts in
 * neither but apart (1).  Standards of 2026 produced: B5's GB/T 40001 and
 * DB14/T 3001 (2); not its 2025 one, nor the 2026 one of its application.
 */
static void
test_programme (Fixture       *fixture,
                gconstpointer  data)
{
  static const int by_phase[SB_N_PHASES] = { 2, 2, 3, 1, 0, 1 };
  gint64 ids[N_MAIN_BASES + 1];
  g_autoptr(GPtrArray) bases = NULL;
  SbProgrammeSummary summary;

  build_main (fixture, ids);
  bases = list_bases (fixture);

  summarise (fixture, bases, &summary);
  for (guint p = 0; p < SB_N_PHASES; p++)
    g_assert_cmpint (summary.by_phase[p], ==, by_phase[p]);
  g_assert_cmpint (summary.total, ==, N_MAIN_BASES);
  g_assert_cmpint (summary.due_within_30_days, ==, 4);
  g_assert_cmpint (summary.overdue, ==, 3);
  g_assert_cmpint (summary.unknown_deadlines, ==, 1);
  g_assert_cmpint (summary.standards_this_year, ==, 2);

  /* The figures are judged on the day given, not on the day the bases
   * were listed: on 2026-12-16 B9's cycle has ended (extension request
   * and cycle end now overdue), B4's midterm (12-10) is overdue, and B5's
   * rectification (12-20) is still due soon; B5's 2026 report (2027-03-31)
   * is not yet due within 30 days. */
  {
    GDate later = parse_date ("2026-12-16");
    g_autoptr(GError) error = NULL;

    g_assert_true (sb_statistics_summarise_programme (fixture->store, bases, &later,
                                                      &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpint (summary.due_within_30_days, ==, 1);
    g_assert_cmpint (summary.overdue, ==, 6);
    g_assert_cmpint (summary.unknown_deadlines, ==, 1);
    g_assert_cmpint (summary.standards_this_year, ==, 2);
  }

  /* A subset: B5 alone.  Standards are the programme's, whatever bases. */
  {
    g_autoptr(GPtrArray) only = g_ptr_array_new ();

    for (guint i = 0; i < bases->len; i++)
      {
        if (sb_base_get_id (g_ptr_array_index (bases, i)) == ids[B5])
          g_ptr_array_add (only, g_ptr_array_index (bases, i));
      }
    summarise (fixture, only, &summary);
    g_assert_cmpint (summary.total, ==, 1);
    g_assert_cmpint (summary.by_phase[SB_PHASE_ESTABLISHED], ==, 1);
    g_assert_cmpint (summary.due_within_30_days, ==, 1);
    g_assert_cmpint (summary.overdue, ==, 0);
    g_assert_cmpint (summary.unknown_deadlines, ==, 0);
    g_assert_cmpint (summary.standards_this_year, ==, 2);
  }
}

/* The standards of the year are those dated in today's year: on a day of
 * 2025, B5's T/SXBZ 001-2025 alone. */
static void
test_programme_year (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  SbProgrammeSummary summary;
  GDate day = parse_date ("2025-12-31");
  gint64 ids[N_MAIN_BASES + 1];

  build_main (fixture, ids);
  bases = list_bases (fixture);
  g_assert_true (sb_statistics_summarise_programme (fixture->store, bases, &day,
                                                    &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.standards_this_year, ==, 1);
}

/* Steps taken, counted once per base however often a base took them:
 *
 *  P1  submit, return, submit again, recommend, formal, expert, approve
 *  P2  submit, recommend, returned by the institution, submit again,
 *      recommend, formal review passed
 *  P3  submit
 *  P4  draft
 *  P5  all the way to established
 *  P6  submit, recommend, formal, expert, rejected
 *
 * submitted P1 P2 P3 P5 P6 (5), formally reviewed P1 P2 P5 P6 (4), expert
 * reviewed P1 P5 P6 (3), approved P1 P5 (2), established P5 (1); while the
 * transitions table holds 7 'submit' rows.
 */
static void
test_pipeline (Fixture       *fixture,
               gconstpointer  data)
{
  static const int expected[SB_N_PIPELINE_STEPS] = { 5, 4, 3, 2, 1 };
  int counts[SB_N_PIPELINE_STEPS];
  gint64 p1, p2, p3, p6;

  p1 = add_base (fixture, "退回后批准", "rail-transit", "1401");
  take (fixture, p1, SB_ACTION_SUBMIT, "2026-01-05");
  take (fixture, p1, SB_ACTION_RETURN, "2026-01-20");
  take (fixture, p1, SB_ACTION_SUBMIT, "2026-02-02");
  take (fixture, p1, SB_ACTION_RECOMMEND, "2026-02-10");
  take (fixture, p1, SB_ACTION_PASS_FORMAL_REVIEW, "2026-03-02");
  take (fixture, p1, SB_ACTION_COMPLETE_EXPERT_REVIEW, "2026-04-01");
  take (fixture, p1, SB_ACTION_APPROVE, "2026-05-06");

  p2 = add_base (fixture, "形审退回", "rail-transit", "1402");
  take (fixture, p2, SB_ACTION_SUBMIT, "2026-03-02");
  take (fixture, p2, SB_ACTION_RECOMMEND, "2026-03-10");
  take (fixture, p2, SB_ACTION_RETURN, "2026-03-20");
  take (fixture, p2, SB_ACTION_SUBMIT, "2026-04-01");
  take (fixture, p2, SB_ACTION_RECOMMEND, "2026-04-10");
  take (fixture, p2, SB_ACTION_PASS_FORMAL_REVIEW, "2026-05-06");

  p3 = add_base (fixture, "已提交", "rail-transit", "1403");
  take (fixture, p3, SB_ACTION_SUBMIT, "2026-10-12");

  add_base (fixture, "草稿", "rail-transit", "1404");

  add_rectifying_base (fixture, "已命名", "rail-transit", "zone");

  p6 = add_base (fixture, "未获批", "rail-transit", "1401");
  decide (fixture, p6, "2026-05-11", SB_ACTION_REJECT, 0);

  count_pipeline (fixture, counts);
  for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
    {
      g_test_message ("%s: %d", sb_pipeline_step_get_label (i), counts[i]);
      g_assert_cmpint (counts[i], ==, expected[i]);
    }

  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (sb_database_get_handle (database (fixture)),
                                         "SELECT count(*) FROM transitions WHERE action = 'submit'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 7);
    sqlite3_finalize (stmt);
  }
}

static void
test_pipeline_labels (void)
{
  static const char * const labels[SB_N_PIPELINE_STEPS] = {
    "Submitted", "Formally reviewed", "Expert-reviewed", "Approved", "Established",
  };

  /* LANG=C.UTF-8 in the test environment: the source strings. */
  for (guint i = 0; i < SB_N_PIPELINE_STEPS; i++)
    g_assert_cmpstr (sb_pipeline_step_get_label (i), ==, labels[i]);

  if (g_test_undefined ())
    {
      g_test_expect_message ("sb-statistics", G_LOG_LEVEL_CRITICAL, "*step < SB_N_PIPELINE_STEPS*");
      g_assert_null (sb_pipeline_step_get_label (SB_N_PIPELINE_STEPS));
      g_test_assert_expected_messages ();
    }
}

/* Produced standards, by the year of their designation and its level:
 *
 *   2021  GB/T 40001 (national), DB14/T 3001 (local), T/SXBZ 001 (group),
 *         DB14/T 3004 (local, another base)
 *   2022  none
 *   2023  none (the application's GB/T 30002-2023 does not count)
 *   2024  ISO 21001 (international), JB/T 10001 (industry), GB/T 40002
 *   2025  DB14/T 3002
 *
 * The application's GB/T 30001-2019 does not open the range in 2019, and
 * GB/T 40001-2021, named in the application as well, counts once.
 */
static void
test_standards_by_year (Fixture       *fixture,
                        gconstpointer  data)
{
  static const SbStandardsYear expected[] = {
    { 2021, { 0, 1, 0, 2, 1 } },
    { 2022, { 0, 0, 0, 0, 0 } },
    { 2023, { 0, 0, 0, 0, 0 } },
    { 2024, { 1, 1, 1, 0, 0 } },
    { 2025, { 0, 0, 0, 1, 0 } },
  };
  g_autoptr(GArray) years = NULL;
  gint64 id = add_base (fixture, "标准", "special-metals", "1401");
  gint64 other = add_base (fixture, "标准乙", "special-metals", "1402");

  add_standard (fixture, id, "GB/T 30001-2019", "application");
  add_standard (fixture, id, "GB/T 30002-2023", "application");
  add_standard (fixture, id, "GB/T 40001-2021", "application");
  add_standard (fixture, id, "GB/T 40001-2021", "produced");
  add_standard (fixture, id, "DB14/T 3001-2021", "produced");
  add_standard (fixture, id, "T/SXBZ 001-2021", "produced");
  add_standard (fixture, other, "DB14/T 3004-2021", "produced");
  add_standard (fixture, id, "ISO 21001:2024", "produced");
  add_standard (fixture, id, "JB/T 10001-2024", "produced");
  add_standard (fixture, other, "GB/T 40002-2024", "produced");
  add_standard (fixture, id, "DB14/T 3002-2025", "produced");

  years = standards_by_year (fixture);
  g_assert_cmpuint (years->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < years->len; i++)
    {
      const SbStandardsYear *year = &g_array_index (years, SbStandardsYear, i);

      g_assert_cmpint (year->year, ==, expected[i].year);
      for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
        g_assert_cmpint (year->by_level[level], ==, expected[i].by_level[level]);
    }
}

/* Only standards named in applications: no produced one, no year. */
static void
test_standards_none_produced (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GArray) years = NULL;
  gint64 id = add_base (fixture, "标准", "special-metals", "1401");

  add_standard (fixture, id, "GB/T 30001-2019", "application");
  years = standards_by_year (fixture);
  g_assert_cmpuint (years->len, ==, 0);
}

/* Assessments by the year assessed:
 *
 *  R  (as add_rectifying_base) 2024 passed, 2025 failed
 *  S  a 12-month cycle: approved 2021-10-08, the cycle ends 2022-10-08,
 *     acceptance applied by 2022-07-08, established 2022-08-10; 2022
 *     passed, no report or assessment for 2023, 2024 passed
 *
 *  2022 1 passed; 2023 none; 2024 2 passed; 2025 1 failed.
 */
static void
test_assessments_by_year (Fixture       *fixture,
                          gconstpointer  data)
{
  static const SbAssessmentYear expected[] = {
    { 2022, 1, 0 },
    { 2023, 0, 0 },
    { 2024, 2, 0 },
    { 2025, 0, 1 },
  };
  g_autoptr(GArray) years = NULL;
  gint64 s;

  add_rectifying_base (fixture, "整改中", "biomedicine", "1401");

  s = add_base (fixture, "一年期", "biomedicine", "1402");
  decide (fixture, s, "2021-10-08", SB_ACTION_APPROVE, 12);
  take (fixture, s, SB_ACTION_SUBMIT_PLAN, "2021-11-01");
  take (fixture, s, SB_ACTION_SUBMIT_MIDTERM_REPORT, "2022-03-15");
  take (fixture, s, SB_ACTION_EVALUATE_MIDTERM, "2022-04-15");
  take (fixture, s, SB_ACTION_APPLY_FOR_ACCEPTANCE, "2022-06-20");
  take (fixture, s, SB_ACTION_PASS_ACCEPTANCE, "2022-08-10");
  take_year (fixture, s, SB_ACTION_SUBMIT_ANNUAL_REPORT, "2023-03-10", 2022);
  take_year (fixture, s, SB_ACTION_PASS_ASSESSMENT, "2023-06-05", 2022);
  take_year (fixture, s, SB_ACTION_SUBMIT_ANNUAL_REPORT, "2025-03-12", 2024);
  take_year (fixture, s, SB_ACTION_PASS_ASSESSMENT, "2025-06-06", 2024);

  years = assessments_by_year (fixture);
  g_assert_cmpuint (years->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < years->len; i++)
    {
      const SbAssessmentYear *year = &g_array_index (years, SbAssessmentYear, i);

      g_assert_cmpint (year->year, ==, expected[i].year);
      g_assert_cmpint (year->passed, ==, expected[i].passed);
      g_assert_cmpint (year->failed, ==, expected[i].failed);
    }
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sb_database_get_handle (database (fixture)), sql,
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
fill_demo (Fixture *fixture,
           guint    count)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sb_demo_fill (fixture->store, count, SB_DEMO_DEFAULT_SEED, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Each group's nearest deadline is the next deadline of one of its own
 * bases, and a group has one when any of its bases has a pending one. */
static void
assert_groups_consistent (GPtrArray    *summaries,
                          GPtrArray    *bases,
                          const char *(*get_code) (SbBase *))
{
  for (guint i = 0; i < summaries->len; i++)
    {
      const SbGroupSummary *group = g_ptr_array_index (summaries, i);
      gboolean any_pending = FALSE;
      gboolean found = FALSE;

      g_assert_cmpint (sum_phases (group->by_phase), ==, group->total);

      for (guint j = 0; j < bases->len; j++)
        {
          SbBase *base = g_ptr_array_index (bases, j);
          const SbDeadline *next = sb_base_get_next_deadline (base);

          if (g_strcmp0 (get_code (base), group->reference.code) != 0)
            continue;
          if (next != NULL && sb_deadline_is_pending (next))
            any_pending = TRUE;
          if (group->has_nearest && sb_base_get_id (base) == group->nearest_base_id)
            {
              found = TRUE;
              g_assert_nonnull (next);
              g_assert_cmpint (next->kind, ==, group->nearest.kind);
              g_assert_cmpint (next->status, ==, group->nearest.status);
              g_assert_cmpint (next->days_left, ==, group->nearest.days_left);
            }
          /* Nothing is nearer than the nearest. */
          if (group->has_nearest && next != NULL && sb_deadline_is_pending (next)
              && group->nearest.status != SB_DEADLINE_STATUS_UNKNOWN)
            {
              g_assert_cmpint (next->status, !=, SB_DEADLINE_STATUS_UNKNOWN);
              g_assert_cmpint (g_date_compare (&next->date, &group->nearest.date), >=, 0);
            }
        }

      g_assert_cmpint (group->has_nearest, ==, any_pending);
      g_assert_cmpint (found, ==, group->has_nearest);
    }
}

/* The default demo, judged for consistency rather than by hand. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GArray) domains = NULL;
  g_autoptr(GArray) cities = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) by_domain = NULL;
  g_autoptr(GPtrArray) by_city = NULL;
  g_autoptr(GArray) standards = NULL;
  g_autoptr(GArray) assessments = NULL;
  SbProgrammeSummary summary;
  int pipeline[SB_N_PIPELINE_STEPS];
  int domain_sum = 0, city_sum = 0, next_overdue = 0, next_due_soon = 0;
  gint64 n_standards = 0, n_passed = 0, n_failed = 0;

  fill_demo (fixture, SB_DEMO_DEFAULT_COUNT);
  domains = list_domains (fixture);
  cities = list_cities (fixture);
  bases = list_bases (fixture);
  g_assert_cmpuint (bases->len, ==, SB_DEMO_DEFAULT_COUNT);

  by_domain = sb_statistics_summarise_domains (domains, bases);
  by_city = sb_statistics_summarise_cities (cities, bases);
  for (guint i = 0; i < by_domain->len; i++)
    domain_sum += ((SbGroupSummary *) g_ptr_array_index (by_domain, i))->total;
  for (guint i = 0; i < by_city->len; i++)
    city_sum += ((SbGroupSummary *) g_ptr_array_index (by_city, i))->total;
  g_assert_cmpint (domain_sum, ==, SB_DEMO_DEFAULT_COUNT);
  g_assert_cmpint (city_sum, ==, SB_DEMO_DEFAULT_COUNT);
  assert_groups_consistent (by_domain, bases, sb_base_get_domain_code);
  assert_groups_consistent (by_city, bases, sb_base_get_city_code);

  summarise (fixture, bases, &summary);
  g_assert_cmpint (summary.total, ==, SB_DEMO_DEFAULT_COUNT);
  g_assert_cmpint (sum_phases (summary.by_phase), ==, summary.total);
  for (guint p = 0; p < SB_N_PHASES; p++)
    {
      int sum = 0;

      for (guint i = 0; i < by_domain->len; i++)
        sum += ((SbGroupSummary *) g_ptr_array_index (by_domain, i))->by_phase[p];
      g_assert_cmpint (sum, ==, summary.by_phase[p]);
    }

  /* Every base's next deadline is one of its pending deadlines. */
  for (guint i = 0; i < bases->len; i++)
    {
      const SbDeadline *next = sb_base_get_next_deadline (g_ptr_array_index (bases, i));

      if (next != NULL && next->status == SB_DEADLINE_STATUS_OVERDUE)
        next_overdue++;
      if (next != NULL && next->status == SB_DEADLINE_STATUS_DUE_SOON)
        next_due_soon++;
    }
  g_assert_cmpint (summary.overdue, >=, next_overdue);
  g_assert_cmpint (summary.due_within_30_days, >=, next_due_soon);
  g_assert_cmpint (summary.standards_this_year, ==,
                   query_int (fixture, "SELECT count(*) FROM standards"
                              " WHERE source = 'produced' AND year = 2026"));
  g_test_message ("demo: %d due within 30 days, %d overdue, %d unknown, %d standards in 2026",
                  summary.due_within_30_days, summary.overdue, summary.unknown_deadlines,
                  summary.standards_this_year);

  /* The pipeline narrows, and agrees with the dates the bases record. */
  count_pipeline (fixture, pipeline);
  for (guint i = 1; i < SB_N_PIPELINE_STEPS; i++)
    g_assert_cmpint (pipeline[i - 1], >=, pipeline[i]);
  g_assert_cmpint (pipeline[SB_PIPELINE_SUBMITTED], ==,
                   query_int (fixture, "SELECT count(*) FROM bases WHERE submitted_date IS NOT NULL"));
  g_assert_cmpint (pipeline[SB_PIPELINE_APPROVED], ==,
                   query_int (fixture, "SELECT count(*) FROM bases WHERE approval_date IS NOT NULL"));
  g_assert_cmpint (pipeline[SB_PIPELINE_ESTABLISHED], ==,
                   query_int (fixture, "SELECT count(*) FROM bases WHERE established_date IS NOT NULL"));
  g_assert_cmpint (pipeline[SB_PIPELINE_ESTABLISHED], >, 0);

  /* Consecutive years, adding up to the rows. */
  standards = standards_by_year (fixture);
  g_assert_cmpuint (standards->len, >, 0);
  for (guint i = 0; i < standards->len; i++)
    {
      const SbStandardsYear *year = &g_array_index (standards, SbStandardsYear, i);

      if (i > 0)
        g_assert_cmpint (year->year, ==, g_array_index (standards, SbStandardsYear, i - 1).year + 1);
      for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
        n_standards += year->by_level[level];
    }
  g_assert_cmpint (n_standards, ==,
                   query_int (fixture, "SELECT count(*) FROM standards WHERE source = 'produced'"));

  assessments = assessments_by_year (fixture);
  g_assert_cmpuint (assessments->len, >, 0);
  for (guint i = 0; i < assessments->len; i++)
    {
      const SbAssessmentYear *year = &g_array_index (assessments, SbAssessmentYear, i);

      if (i > 0)
        g_assert_cmpint (year->year, ==, g_array_index (assessments, SbAssessmentYear, i - 1).year + 1);
      n_passed += year->passed;
      n_failed += year->failed;
    }
  g_assert_cmpint (n_passed, ==, query_int (fixture, "SELECT count(*) FROM assessments WHERE passed"));
  g_assert_cmpint (n_failed, ==, query_int (fixture, "SELECT count(*) FROM assessments WHERE NOT passed"));
  g_assert_cmpint (n_failed, >, 0);
}

/* The dashboard computes the summary at start: 10,000 bases in well under
 * 50 ms.  Filling the demo takes seconds, so only with -m perf. */
static void
test_programme_speed (Fixture       *fixture,
                      gconstpointer  data)
{
  const guint count = 10000;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GArray) domains = NULL;
  g_autoptr(GArray) cities = NULL;
  SbProgrammeSummary summary;
  double best = G_MAXDOUBLE, elapsed;

  if (!g_test_perf ())
    {
      g_test_skip ("a timing test: run with -m perf");
      return;
    }

  fill_demo (fixture, count);

  g_test_timer_start ();
  bases = list_bases (fixture);
  g_test_minimized_result (g_test_timer_elapsed (), "list %u bases: %.1f ms", count,
                           1000 * g_test_timer_elapsed ());
  g_assert_cmpuint (bases->len, ==, count);

  for (guint run = 0; run < 5; run++)
    {
      g_test_timer_start ();
      summarise (fixture, bases, &summary);
      elapsed = g_test_timer_elapsed ();
      best = MIN (best, elapsed);
      g_test_message ("summarise_programme over %u bases, run %u: %.2f ms",
                      count, run + 1, 1000 * elapsed);
    }
  g_test_minimized_result (best, "summarise_programme over %u bases: %.2f ms (best of 5)",
                           count, 1000 * best);
  g_assert_cmpint (summary.total, ==, count);
  g_assert_cmpfloat (best, <, 0.050);

  /* Of which the standards query, over no bases. */
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();

    g_test_timer_start ();
    summarise (fixture, none, &summary);
    elapsed = g_test_timer_elapsed ();
    g_test_minimized_result (elapsed, "of which the standards of the year: %.2f ms",
                             1000 * elapsed);
  }

  domains = list_domains (fixture);
  cities = list_cities (fixture);
  g_test_timer_start ();
  {
    g_autoptr(GPtrArray) by_domain = sb_statistics_summarise_domains (domains, bases);
    g_autoptr(GPtrArray) by_city = sb_statistics_summarise_cities (cities, bases);

    elapsed = g_test_timer_elapsed ();
    g_test_minimized_result (elapsed, "domain and city summaries over %u bases: %.2f ms",
                             count, 1000 * elapsed);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/statistics/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("references", test_references);
  ADD ("references-order", test_references_order);
  ADD ("empty", test_empty);
  ADD ("domains", test_domains);
  ADD ("cities", test_cities);
  ADD ("nearest", test_nearest);
  ADD ("nearest-none", test_nearest_none);
  ADD ("programme", test_programme);
  ADD ("programme-year", test_programme_year);
  ADD ("pipeline", test_pipeline);
  ADD ("standards-by-year", test_standards_by_year);
  ADD ("standards-none-produced", test_standards_none_produced);
  ADD ("assessments-by-year", test_assessments_by_year);
  ADD ("demo", test_demo);
  ADD ("programme-speed", test_programme_speed);

#undef ADD

  g_test_add_func ("/statistics/reference-clear", test_reference_clear);
  g_test_add_func ("/statistics/pipeline-labels", test_pipeline_labels);

  return g_test_run ();
}
