/* test-review-panel.c: expert panels, score sheets and the combined result
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-demo.h"
#include "sb-profile.h"
#include "sb-programme.h"
#include "sb-review-panel.h"

typedef struct
{
  char        *dir;
  char        *path;
  SbProgramme *programme;
  SbDatabase  *database;
  GDate        today;
  gint64       experts[6];
  gint64       base;           /* a base with a co-applicant */
  gint64       lead_unit;
  gint64       co_applicant;
} Fixture;

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (sb_database_get_handle (fixture->database), sql, -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  fixture->dir = g_dir_make_tmp ("stdbase-test-panel-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "panel.db", NULL);
  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  fixture->database = sb_programme_get_database (fixture->programme);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 27, 11, 2026);
  g_assert_true (sb_demo_fill (sb_programme_get_store (fixture->programme), 20, 5, &fixture->today, &error));
  g_assert_no_error (error);

  fixture->base = query_int (fixture, "SELECT base_id FROM base_units WHERE role = 'co_applicant'"
                                      " ORDER BY base_id LIMIT 1");
  g_assert_cmpint (fixture->base, >, 0);
  sql = g_strdup_printf ("SELECT lead_unit_id FROM bases WHERE id = %" G_GINT64_FORMAT, fixture->base);
  fixture->lead_unit = query_int (fixture, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT organisation_id FROM base_units WHERE role = 'co_applicant'"
                         " AND base_id = %" G_GINT64_FORMAT, fixture->base);
  fixture->co_applicant = query_int (fixture, sql);

  for (guint i = 0; i < G_N_ELEMENTS (fixture->experts); i++)
    {
      g_autofree char *name = g_strdup_printf ("专家%u", i);

      fixture->experts[i] = sb_expert_add (fixture->database, name, "研究员",
                                           i == 4 ? fixture->lead_unit : i == 5 ? fixture->co_applicant : 0,
                                           "semiconductors", &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->programme);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_rubrics (void)
{
  for (SbPanelKind kind = 0; kind < SB_N_PANEL_KINDS; kind++)
    {
      guint n;
      const SbCriterion *rubric = sb_panel_kind_get_rubric (kind, &n);
      double total = 0;

      g_assert_cmpuint (n, >=, 3);
      for (guint i = 0; i < n; i++)
        total += rubric[i].max_score;
      g_assert_cmpfloat (total, ==, 100);
      g_assert_cmpint (sb_panel_kind_get_article (kind), >, 0);
    }
  g_assert_cmpint (sb_panel_kind_get_article (SB_PANEL_KIND_EXPERT), ==, 15);
  g_assert_cmpint (sb_panel_kind_get_article (SB_PANEL_KIND_ANNUAL), ==, 36);
}

static void
test_scores_compute (void)
{
  const double totals[] = { 80, 90, 70, 84 };
  SbPanelScores scores;

  sb_panel_scores_compute (totals, G_N_ELEMENTS (totals), 5, &scores);
  g_assert_cmpuint (scores.n_sheets, ==, 4);
  g_assert_cmpuint (scores.n_members, ==, 5);
  g_assert_cmpfloat_with_epsilon (scores.mean, 81, 1e-9);
  g_assert_cmpfloat (scores.min, ==, 70);
  g_assert_cmpfloat (scores.max, ==, 90);
  g_assert_cmpfloat (scores.spread, ==, 20);
  /* deviations −1, 9, −11, 3: squares 1 + 81 + 121 + 9 = 212, / 4 = 53 */
  g_assert_cmpfloat_with_epsilon (scores.std_dev, 7.280109889280518, 1e-9);

  sb_panel_scores_compute (NULL, 0, 3, &scores);
  g_assert_cmpuint (scores.n_sheets, ==, 0);
  g_assert_cmpfloat (scores.mean, ==, 0);
}

static void
test_form_refusals (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 two[] = { fixture->experts[0], fixture->experts[1] };
  gint64 twice[] = { fixture->experts[0], fixture->experts[1], fixture->experts[0] };
  gint64 lead[] = { fixture->experts[0], fixture->experts[1], fixture->experts[4] };
  gint64 co[] = { fixture->experts[5], fixture->experts[1], fixture->experts[2] };
  gint64 unknown[] = { fixture->experts[0], fixture->experts[1], 999 };
  gint64 before = query_int (fixture, "SELECT count(*) FROM panels");

  g_assert_cmpint (sb_panel_form (fixture->database, fixture->base, SB_PANEL_KIND_EXPERT,
                                  &fixture->today, two, 2, &error), ==, 0);
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sb_panel_form (fixture->database, fixture->base, SB_PANEL_KIND_EXPERT,
                                  &fixture->today, twice, 3, &error), ==, 0);
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID);
  g_clear_error (&error);

  /* Nobody reviews their own unit's application, lead or co-applicant. */
  g_assert_cmpint (sb_panel_form (fixture->database, fixture->base, SB_PANEL_KIND_EXPERT,
                                  &fixture->today, lead, 3, &error), ==, 0);
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "专家4"));
  g_assert_nonnull (strstr (error->message, "Art. 15"));
  g_clear_error (&error);
  g_assert_cmpint (sb_panel_form (fixture->database, fixture->base, SB_PANEL_KIND_EXPERT,
                                  &fixture->today, co, 3, &error), ==, 0);
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_cmpint (sb_panel_form (fixture->database, fixture->base, SB_PANEL_KIND_EXPERT,
                                  &fixture->today, unknown, 3, &error), ==, 0);
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The same expert may review another base. */
  g_assert_true (sb_panel_check_expert (fixture->database, fixture->base + 1000, fixture->experts[4], &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM panels"), ==, before);
}

static void
test_sheets_and_result (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  gint64 members[] = { fixture->experts[0], fixture->experts[1], fixture->experts[2] };
  const double first[] = { 20, 20, 10, 8, 22 };     /* 80 */
  const double second[] = { 25, 25, 15, 10, 15 };   /* 90 */
  const double too_high[] = { 26, 20, 10, 8, 22 };
  const char *comments[] = { "领先", "", "", "", "目标明确" };
  SbPanelScores scores;
  SbPanel *panel;
  gint64 id;

  id = sb_panel_form (fixture->database, fixture->base, SB_PANEL_KIND_EXPERT,
                      &fixture->today, members, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Out of range, without an opinion, or not a member: refused in words. */
  g_assert_false (sb_panel_submit_sheet (fixture->database, id, fixture->experts[0], &fixture->today,
                                         too_high, NULL, "同意", &error));
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "0 to 25"));
  g_clear_error (&error);
  g_assert_false (sb_panel_submit_sheet (fixture->database, id, fixture->experts[0], &fixture->today,
                                         first, NULL, "  ", &error));
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_panel_submit_sheet (fixture->database, id, fixture->experts[3], &fixture->today,
                                         first, NULL, "同意", &error));
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sb_panel_submit_sheet (fixture->database, id, fixture->experts[0], &fixture->today,
                                        first, comments, "同意批准筹建", &error));
  g_assert_no_error (error);
  g_assert_true (sb_panel_submit_sheet (fixture->database, id, fixture->experts[1], &fixture->today,
                                        second, NULL, "建议批准", &error));
  g_assert_no_error (error);

  /* One sheet each. */
  g_assert_false (sb_panel_submit_sheet (fixture->database, id, fixture->experts[1], &fixture->today,
                                         second, NULL, "再交一次", &error));
  g_assert_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sb_panel_combine (fixture->database, id, &scores, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scores.n_sheets, ==, 2);
  g_assert_cmpuint (scores.n_members, ==, 3);
  g_assert_cmpfloat_with_epsilon (scores.mean, 85, 1e-9);
  g_assert_cmpfloat (scores.spread, ==, 10);

  /* Each sheet is kept with its criteria and comments. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review_scores WHERE comment = '目标明确'"), ==, 1);
  panels = sb_panel_list_for_base (fixture->database, fixture->base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panels->len, >=, 1);
  panel = g_ptr_array_index (panels, panels->len - 1);
  g_assert_cmpint (panel->id, ==, id);
  g_assert_cmpuint (panel->sheets->len, ==, 3);
  {
    guint submitted = 0;

    for (guint i = 0; i < panel->sheets->len; i++)
      {
        SbPanelSheet *sheet = g_ptr_array_index (panel->sheets, i);

        if (sheet->submitted)
          {
            submitted++;
            g_assert_true (sheet->total == 80 || sheet->total == 90);
          }
      }
    g_assert_cmpuint (submitted, ==, 2);
  }
  g_clear_pointer (&panels, g_ptr_array_unref);

  /* The panel's expert sees the base; the sheets are in the audit log. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'review_scores'"),
                   ==, query_int (fixture, "SELECT count(*) FROM review_scores"));
  /* ... each saying whose sheet it is, on which panel. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_log l JOIN reviews r"
                                       " ON r.id = json_extract (l.payload, '$.id')"
                                       " WHERE l.entity = 'reviews' AND l.operation = 'insert'"
                                       " AND json_extract (l.payload, '$.panel_id') = r.panel_id"
                                       " AND json_extract (l.payload, '$.expert_id') = r.expert_id"),
                   ==, query_int (fixture, "SELECT count(*) FROM reviews WHERE panel_id IS NOT NULL"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM reviews WHERE panel_id IS NOT NULL"), >=, 2);
  {
    SbProfile expert = { 0, (char *) "专家2", SB_ROLE_EXPERT, 0, NULL };
    g_autoptr(GHashTable) visible = sb_profile_list_visible_bases (fixture->database, &expert, &error);

    g_assert_no_error (error);
    g_assert_true (g_hash_table_contains (visible, &fixture->base));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review-panel/rubrics", test_rubrics);
  g_test_add_func ("/review-panel/scores-compute", test_scores_compute);
  g_test_add ("/review-panel/form-refusals", Fixture, NULL,
              fixture_set_up, test_form_refusals, fixture_tear_down);
  g_test_add ("/review-panel/sheets-and-result", Fixture, NULL,
              fixture_set_up, test_sheets_and_result, fixture_tear_down);

  return g_test_run ();
}
