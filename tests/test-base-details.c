/* test-base-details.c: what a base's page shows beyond SbBase
 *
 * Each test builds its programme by hand: units through the store (which
 * checks their credit codes), a PDF made with Cairo, and the annual rows
 * with plain SQL, so the expected values are written out here rather than
 * taken from the demonstration programme.
 */
#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-base-details.h"
#include "sb-credit-code.h"
#include "sb-document-store.h"
#include "sb-programme.h"

typedef struct
{
  char        *dir;
  SbProgramme *programme;
  SbDatabase  *database;
  SbBaseStore *store;
  GDate        created;
  char        *lead_code;
  char        *partner_code;
} Fixture;

/* Helpers */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)
      && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-base-details-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  fixture->database = sb_programme_get_database (fixture->programme);
  fixture->store = sb_programme_get_store (fixture->programme);
  g_date_clear (&fixture->created, 1);
  g_date_set_dmy (&fixture->created, 10, 3, 2024);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->lead_code);
  g_free (fixture->partner_code);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  sb_database_exec (fixture->database, sql, &error);
  g_assert_no_error (error);
}

static gint64
add_unit (Fixture    *fixture,
          const char *name,
          const char *credit_code,
          const char *kind)
{
  g_autoptr(GError) error = NULL;
  SbOrganisationInput input = {
    .name = name,
    .credit_code = credit_code,
    .kind = kind,
    .legal_person = TRUE,
    .address = "山西省太原市小店区长风街 1 号",
    .contact_name = "王伟",
    .contact_phone = "0351-1234567",
  };
  gint64 id = sb_base_store_add_organisation (fixture->store, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
add_standard (Fixture    *fixture,
              gint64      base,
              const char *designation,
              const char *role,
              const char *source)
{
  g_autoptr(GError) error = NULL;

  sb_base_store_add_standard (fixture->store, base, designation, "示例标准", role, source, &error);
  g_assert_no_error (error);
}

/* A base with everything a page shows: three units beside the lead unit,
 * two tags, three standards, two annual reports and two assessments. */
static gint64
make_full_base (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *builder_code = sb_credit_code_build ('1', '2', "140105", "B0000001");
  gint64 lead, partner, builder, recommender, base;

  fixture->lead_code = sb_credit_code_build ('9', '1', "140105", "A0000001");
  fixture->partner_code = sb_credit_code_build ('1', '2', "110108", "C0000001");
  g_assert_nonnull (fixture->lead_code);
  g_assert_nonnull (fixture->partner_code);
  g_assert_nonnull (builder_code);

  lead = add_unit (fixture, "山西示例半导体科技有限公司", fixture->lead_code, "enterprise");
  partner = add_unit (fixture, "北京示例研究院", fixture->partner_code, "institution");
  builder = add_unit (fixture, "太原示例检测中心", builder_code, "institution");
  recommender = sb_base_store_find_recommender (fixture->store, "1401", 0);
  g_assert_cmpint (recommender, >, 0);

  base = sb_base_store_create_base (fixture->store, "碳化硅功率器件", "Silicon Carbide Power Devices",
                                    "semiconductors", lead, recommender, "1401",
                                    &fixture->created, &error);
  g_assert_no_error (error);

  /* Added co-builder first: the order is by role, then by position. */
  sb_base_store_add_unit (fixture->store, base, builder, "co_builder", &error);
  g_assert_no_error (error);
  sb_base_store_add_unit (fixture->store, base, partner, "co_applicant", &error);
  g_assert_no_error (error);

  sb_base_store_add_tag (fixture->store, base, "new-materials", &error);
  g_assert_no_error (error);
  sb_base_store_add_tag (fixture->store, base, "new-infrastructure", &error);
  g_assert_no_error (error);

  add_standard (fixture, base, "GB/T 30001-2019", "led", "application");
  add_standard (fixture, base, "DB14/T 2345-2021", "participated", "application");
  add_standard (fixture, base, "T/SXBZ 001-2025", "led", "produced");

  sql = g_strdup_printf (
    "INSERT INTO annual_reports (base_id, year, submitted_date, standards_national,"
    "  standards_local, standards_group, smes_served, people_trained, awards_won)"
    " VALUES (%1$" G_GINT64_FORMAT ", 2024, '2025-03-20', 1, 2, 3, 40, 250, 1),"
    "        (%1$" G_GINT64_FORMAT ", 2025, '2026-03-18', 0, 1, 0, 12, 80, 0);"
    "INSERT INTO assessments (base_id, year, date, score_service, score_team,"
    "  score_cooperation, passed, comments)"
    " VALUES (%1$" G_GINT64_FORMAT ", 2024, '2025-06-10', 35.5, 28, 24, 1, ''),"
    "        (%1$" G_GINT64_FORMAT ", 2025, '2026-06-12', NULL, NULL, NULL, 0, '服务中小企业不足');",
    base);
  exec_sql (fixture, sql);

  return base;
}

static gint64
make_bare_base (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 base = sb_base_store_create_base (fixture->store, "空白", NULL, NULL, 0, 0, NULL,
                                           &fixture->created, &error);

  g_assert_no_error (error);

  return base;
}

/* A real three-page PDF, as an applicant would attach. */
static char *
make_pdf (Fixture    *fixture,
          const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < 3; page++)
    {
      cairo_move_to (cr, 72, 72);
      cairo_show_text (cr, "Construction plan");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

/* Tests */

static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  gint64 base = make_full_base (fixture);
  SbBaseUnit *unit;

  units = sb_base_details_list_units (fixture->database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 4);

  unit = g_ptr_array_index (units, 0);
  g_assert_cmpint (unit->role, ==, SB_UNIT_ROLE_LEAD);
  g_assert_cmpstr (unit->name, ==, "山西示例半导体科技有限公司");
  g_assert_cmpstr (unit->credit_code, ==, fixture->lead_code);
  g_assert_cmpstr (unit->kind, ==, "enterprise");
  g_assert_true (unit->legal_person);
  g_assert_cmpstr (unit->contact_name, ==, "王伟");
  g_assert_cmpstr (unit->contact_phone, ==, "0351-1234567");
  g_assert_null (unit->contact_email);

  unit = g_ptr_array_index (units, 1);
  g_assert_cmpint (unit->role, ==, SB_UNIT_ROLE_CO_APPLICANT);
  g_assert_cmpstr (unit->name, ==, "北京示例研究院");
  g_assert_cmpstr (unit->credit_code, ==, fixture->partner_code);
  g_assert_cmpstr (unit->kind, ==, "institution");

  unit = g_ptr_array_index (units, 2);
  g_assert_cmpint (unit->role, ==, SB_UNIT_ROLE_CO_BUILDER);
  g_assert_cmpstr (unit->name, ==, "太原示例检测中心");

  /* The recommender is one of the authorities seeded with the schema:
   * it has no credit code. */
  unit = g_ptr_array_index (units, 3);
  g_assert_cmpint (unit->role, ==, SB_UNIT_ROLE_RECOMMENDER);
  g_assert_cmpstr (unit->name, ==, "太原市市场监督管理局");
  g_assert_null (unit->credit_code);
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  gint64 base = make_full_base (fixture);

  /* In the reference order, not the order they were added; English in
   * the C locale the tests run in. */
  names = sb_base_details_list_tag_names (fixture->database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "New infrastructure");
  g_assert_cmpstr (names[1], ==, "New materials");
}

static void
test_standards (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) standards = NULL;
  gint64 base = make_full_base (fixture);
  SbBaseStandard *standard;

  standards = sb_base_details_list_standards (fixture->database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standards->len, ==, 3);

  /* The application's, newest first, then those produced. */
  standard = g_ptr_array_index (standards, 0);
  g_assert_cmpstr (standard->designation, ==, "DB14/T 2345-2021");
  g_assert_cmpstr (standard->title, ==, "示例标准");
  g_assert_cmpint (standard->level, ==, SB_STANDARD_LEVEL_LOCAL);
  g_assert_false (standard->led);
  g_assert_false (standard->produced);
  g_assert_cmpint (standard->year, ==, 2021);

  standard = g_ptr_array_index (standards, 1);
  g_assert_cmpstr (standard->designation, ==, "GB/T 30001-2019");
  g_assert_cmpint (standard->level, ==, SB_STANDARD_LEVEL_NATIONAL);
  g_assert_true (standard->led);
  g_assert_false (standard->produced);

  standard = g_ptr_array_index (standards, 2);
  g_assert_cmpstr (standard->designation, ==, "T/SXBZ 001-2025");
  g_assert_cmpint (standard->level, ==, SB_STANDARD_LEVEL_GROUP);
  g_assert_true (standard->led);
  g_assert_true (standard->produced);
  g_assert_cmpint (standard->year, ==, 2025);
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *pdf = make_pdf (fixture, "建设方案.pdf");
  gint64 base = make_full_base (fixture);
  gint64 other = make_bare_base (fixture);
  SbBaseDocument *document;
  gint64 id;

  id = sb_document_store_import (fixture->database, pdf, base, "construction-plan", &error);
  g_assert_no_error (error);
  /* Another base's document is not this base's. */
  sb_document_store_import (fixture->database, pdf, other, "attachment", &error);
  g_assert_no_error (error);

  documents = sb_base_details_list_documents (fixture->database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);

  document = g_ptr_array_index (documents, 0);
  g_assert_cmpint (document->id, ==, id);
  g_assert_cmpstr (document->file_name, ==, "建设方案.pdf");
  g_assert_cmpstr (document->kind, ==, "construction-plan");
  g_assert_cmpint (document->pages, ==, 3);
  g_assert_cmpint (document->size, >, 0);
  g_assert_nonnull (document->added_at);

  /* The stored copy, which opening the document shows, not the original. */
  g_assert_nonnull (document->path);
  g_assert_cmpstr (document->path, !=, pdf);
  g_assert_true (g_file_test (document->path, G_FILE_TEST_IS_REGULAR));
  g_remove (pdf);
  g_assert_true (g_file_test (document->path, G_FILE_TEST_IS_REGULAR));
}

static void
test_reports (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reports = NULL;
  gint64 base = make_full_base (fixture);
  const SbBaseReport *report;

  reports = sb_base_details_list_reports (fixture->database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);

  report = &g_array_index (reports, SbBaseReport, 0);
  g_assert_cmpint (report->year, ==, 2025);
  g_assert_cmpint (g_date_get_year (&report->submitted), ==, 2026);
  g_assert_cmpint (g_date_get_month (&report->submitted), ==, 3);
  g_assert_cmpint (g_date_get_day (&report->submitted), ==, 18);
  g_assert_cmpint (sb_annual_figures_get_standards (&report->figures), ==, 1);
  g_assert_cmpint (report->figures.smes_served, ==, 12);
  g_assert_cmpint (report->document_id, ==, 0);

  report = &g_array_index (reports, SbBaseReport, 1);
  g_assert_cmpint (report->year, ==, 2024);
  g_assert_cmpint (report->figures.standards[SB_STANDARD_LEVEL_NATIONAL], ==, 1);
  g_assert_cmpint (report->figures.standards[SB_STANDARD_LEVEL_LOCAL], ==, 2);
  g_assert_cmpint (report->figures.standards[SB_STANDARD_LEVEL_GROUP], ==, 3);
  g_assert_cmpint (sb_annual_figures_get_standards (&report->figures), ==, 6);
  g_assert_cmpint (report->figures.smes_served, ==, 40);
  g_assert_cmpint (report->figures.people_trained, ==, 250);
  g_assert_cmpint (report->figures.awards_won, ==, 1);
  g_assert_cmpint (report->figures.patents, ==, 0);
}

static void
test_assessments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  gint64 base = make_full_base (fixture);
  SbBaseAssessment *assessment;

  assessments = sb_base_details_list_assessments (fixture->database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 2);

  /* Failed, and its scores not entered yet. */
  assessment = g_ptr_array_index (assessments, 0);
  g_assert_cmpint (assessment->year, ==, 2025);
  g_assert_false (assessment->passed);
  g_assert_false (assessment->has_scores);
  g_assert_cmpfloat (sb_base_assessment_get_total (assessment), ==, 0);
  g_assert_cmpstr (assessment->comments, ==, "服务中小企业不足");

  assessment = g_ptr_array_index (assessments, 1);
  g_assert_cmpint (assessment->year, ==, 2024);
  g_assert_true (assessment->passed);
  g_assert_true (assessment->has_scores);
  g_assert_cmpfloat_with_epsilon (assessment->score_service, 35.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (assessment->score_team, 28, 1e-9);
  g_assert_cmpfloat_with_epsilon (assessment->score_cooperation, 24, 1e-9);
  g_assert_cmpfloat_with_epsilon (sb_base_assessment_get_total (assessment), 87.5, 1e-9);
  g_assert_cmpint (g_date_get_year (&assessment->date), ==, 2025);
}

/* A draft with nothing yet, and a number no base has: empty, not errors. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 bases[] = { make_bare_base (fixture), 4242 };

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SbBaseDetails) details = sb_base_details_load (fixture->database, bases[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (details);
      g_assert_cmpuint (details->units->len, ==, 0);
      g_assert_nonnull (details->tag_names);
      g_assert_cmpuint (g_strv_length (details->tag_names), ==, 0);
      g_assert_cmpuint (details->standards->len, ==, 0);
      g_assert_cmpuint (details->documents->len, ==, 0);
      g_assert_cmpuint (details->reports->len, ==, 0);
      g_assert_cmpuint (details->assessments->len, ==, 0);
    }
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBaseDetails) details = NULL;
  gint64 base = make_full_base (fixture);

  make_bare_base (fixture);

  details = sb_base_details_load (fixture->database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (details->units->len, ==, 4);
  g_assert_cmpuint (g_strv_length (details->tag_names), ==, 2);
  g_assert_cmpuint (details->standards->len, ==, 3);
  g_assert_cmpuint (details->documents->len, ==, 0);
  g_assert_cmpuint (details->reports->len, ==, 2);
  g_assert_cmpuint (details->assessments->len, ==, 2);
}

/* A database that lost a table reports it, and nothing half-read. */
static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBaseDetails) details = NULL;
  gint64 base = make_full_base (fixture);

  exec_sql (fixture, "DROP TABLE assessments");

  details = sb_base_details_load (fixture->database, base, &error);
  g_assert_null (details);
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_FAILED);
  g_test_message ("%s", error->message);
}

static void
test_labels (void)
{
  g_assert_cmpstr (sb_unit_role_get_label (SB_UNIT_ROLE_LEAD), ==, "Lead unit");
  g_assert_cmpstr (sb_unit_role_get_label (SB_UNIT_ROLE_CO_APPLICANT), ==, "Co-applicant");
  g_assert_cmpstr (sb_unit_role_get_label (SB_UNIT_ROLE_CO_BUILDER), ==, "Co-builder");
  g_assert_cmpstr (sb_unit_role_get_label (SB_UNIT_ROLE_RECOMMENDER), ==, "Recommender");

  /* The ids are the ones the schema stores. */
  g_assert_cmpstr (sb_unit_role_to_string (SB_UNIT_ROLE_CO_APPLICANT), ==, "co_applicant");
  g_assert_cmpstr (sb_unit_role_to_string (SB_UNIT_ROLE_CO_BUILDER), ==, "co_builder");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/base-details/units", test_units);
  ADD ("/base-details/tags", test_tags);
  ADD ("/base-details/standards", test_standards);
  ADD ("/base-details/documents", test_documents);
  ADD ("/base-details/reports", test_reports);
  ADD ("/base-details/assessments", test_assessments);
  ADD ("/base-details/empty", test_empty);
  ADD ("/base-details/load", test_load);
  ADD ("/base-details/error", test_error);
  g_test_add_func ("/base-details/labels", test_labels);

#undef ADD

  return g_test_run ();
}
