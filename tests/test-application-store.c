/* test-application-store.c: submitting an application records it whole */

#include "config.h"

#include <locale.h>

#include "sb-application-form.h"
#include "sb-application-store.h"
#include "sb-base-details.h"
#include "sb-document-store.h"
#include "sb-draft.h"
#include "sb-programme.h"
#include "test-application-data.h"

typedef struct
{
  char        *dir;
  SbProgramme *programme;
  SbDatabase  *database;
  SbBaseStore *store;
  GHashTable  *values;
  GDate        today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-application-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  fixture->database = sb_programme_get_database (fixture->programme);
  fixture->store = sb_programme_get_store (fixture->programme);
  fixture->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  test_fill_application (fixture->values, sb_base_store_find_recommender (fixture->store, "1401", 0), 3);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 12, 5, 2025);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->values, g_hash_table_unref);
  g_clear_object (&fixture->programme);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gint64
import_pdf (Fixture    *fixture,
            const char *name,
            int         pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  gint64 id;

  test_write_pdf (path, pages);
  id = sb_document_store_import (fixture->database, path, 0, "attachment", &error);
  g_assert_no_error (error);

  return id;
}

static void
test_submit (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBase) base = NULL;
  g_autoptr(SbBaseDetails) details = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autofree char *ids = NULL;
  SbTransitionRecord *record;
  gint64 evidence = import_pdf (fixture, "licence.pdf", 1);
  gint64 attachment = import_pdf (fixture, "report.pdf", 3);
  gint64 draft, base_id;

  ids = g_strdup_printf ("%" G_GINT64_FORMAT, evidence);
  test_set (fixture->values, "cond.1.docs", ids);
  g_free (ids);
  ids = g_strdup_printf ("%" G_GINT64_FORMAT, attachment);
  test_set (fixture->values, "attachments", ids);

  draft = sb_draft_create (fixture->database, SB_DRAFT_KIND_APPLICATION, 0, &error);
  g_assert_no_error (error);

  base_id = sb_application_submit (fixture->store, fixture->values, draft, "李明", &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (base_id, >, 0);

  base = sb_base_store_load (fixture->store, base_id, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_base_get_state (base), ==, SB_BASE_STATE_SUBMITTED);

  transitions = sb_base_store_list_transitions (fixture->store, base_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transitions->len, ==, 1);
  record = g_ptr_array_index (transitions, 0);
  g_assert_cmpstr (record->action, ==, "submit");
  g_assert_cmpstr (record->date, ==, "2025-05-12");
  g_assert_cmpstr (record->role, ==, "applicant");
  g_assert_cmpstr (record->actor, ==, "李明");

  details = sb_base_details_load (fixture->database, base_id, &error);
  g_assert_no_error (error);
  /* Lead, co-applicant, recommender. */
  g_assert_cmpuint (details->units->len, ==, 3);
  g_assert_cmpuint (g_strv_length (details->tag_names), ==, 2);
  g_assert_cmpuint (details->standards->len, ==, 3);
  g_assert_cmpuint (details->documents->len, ==, 2);

  /* The draft is gone: it became the application. */
  g_assert_null (sb_draft_load (fixture->database, draft, NULL, NULL));
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  gint64 draft = sb_draft_create (fixture->database, SB_DRAFT_KIND_APPLICATION, 0, NULL);

  test_set (fixture->values, "lead.code", "911401001234567886");
  g_assert_cmpint (sb_application_submit (fixture->store, fixture->values, draft, NULL,
                                          &fixture->today, &error), ==, 0);
  g_assert_error (error, SB_APPLICATION_ERROR, SB_APPLICATION_ERROR_INVALID);
  g_clear_error (&error);

  /* A second application from the same lead unit reuses its record;
   * nothing of a refused one is kept, and its draft stays. */
  test_set (fixture->values, "lead.code", TEST_LEAD_CODE);
  g_assert_cmpint (sb_application_submit (fixture->store, fixture->values, 0, NULL, &fixture->today, &error), >, 0);
  g_assert_no_error (error);
  test_set (fixture->values, "short_zh", "第二个基地");
  g_assert_cmpint (sb_application_submit (fixture->store, fixture->values, 0, NULL, &fixture->today, &error), >, 0);
  g_assert_no_error (error);

  bases = sb_base_store_list (fixture->store, NULL, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bases->len, ==, 2);
  g_assert_nonnull (sb_draft_load (fixture->database, draft, NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/application-store/submit", Fixture, NULL, fixture_set_up, test_submit, fixture_tear_down);
  g_test_add ("/application-store/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
