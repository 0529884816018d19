/* test-profile.c: the people who use a programme, and what each may see
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-certificate.h"
#include "sb-demo.h"
#include "sb-notice.h"
#include "sb-profile.h"
#include "sb-programme.h"
#include "sb-review-panel.h"

typedef struct
{
  char        *dir;
  char        *path;
  SbProgramme *programme;
  SbDatabase  *database;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  fixture->dir = g_dir_make_tmp ("stdbase-test-profile-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "profiles.db", NULL);
  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  fixture->database = sb_programme_get_database (fixture->programme);

  if (data != NULL)
    {
      g_date_set_dmy (&today, 27, 11, 2026);
      g_assert_true (sb_demo_fill (sb_programme_get_store (fixture->programme), 30, 3, &today, &error));
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

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (sb_database_get_handle (fixture->database), sql, -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
test_new_database_has_none (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = sb_profile_list (fixture->database, &error);
  g_autoptr(SbProfile) last = sb_profile_load_last (fixture->database, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 0);
  g_assert_null (last);
}

static void
test_add_and_validate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProfile) profile = NULL;
  g_autoptr(GPtrArray) recommenders = NULL;
  gint64 enterprise = query_int (fixture, "SELECT id FROM organisations WHERE kind = 'enterprise' LIMIT 1");
  gint64 city = query_int (fixture, "SELECT id FROM organisations WHERE kind = 'city_authority' LIMIT 1");
  gint64 id;

  g_assert_cmpint (sb_profile_add (fixture->database, "  ", SB_ROLE_AUTHORITY, 0, &error), ==, 0);
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_INVALID);
  g_clear_error (&error);

  /* An applicant acts for an enterprise, not for a city authority. */
  g_assert_cmpint (sb_profile_add (fixture->database, "陈刚", SB_ROLE_APPLICANT, city, &error), ==, 0);
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Art. 11"));
  g_clear_error (&error);
  g_assert_cmpint (sb_profile_add (fixture->database, "陈刚", SB_ROLE_APPLICANT, 0, &error), ==, 0);
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_INVALID);
  g_clear_error (&error);

  /* A recommender acts for an industry department or a city authority. */
  g_assert_cmpint (sb_profile_add (fixture->database, "赵芳", SB_ROLE_RECOMMENDER, enterprise, &error), ==, 0);
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Art. 13"));
  g_clear_error (&error);

  recommenders = sb_profile_list_organisations (fixture->database, SB_ROLE_RECOMMENDER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recommenders->len, ==, 17);

  id = sb_profile_add (fixture->database, " 赵芳 ", SB_ROLE_RECOMMENDER, city, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  profile = sb_profile_load (fixture->database, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->name, ==, "赵芳");
  g_assert_cmpint (profile->role, ==, SB_ROLE_RECOMMENDER);
  g_assert_cmpint (profile->organisation_id, ==, city);
  g_assert_nonnull (profile->organisation_name);

  /* The same person twice in one role is refused in words. */
  g_assert_cmpint (sb_profile_add (fixture->database, "赵芳", SB_ROLE_RECOMMENDER, city, &error), ==, 0);
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_INVALID);
  g_clear_error (&error);

  /* The authority acts for the province: an organisation is dropped. */
  id = sb_profile_add (fixture->database, "张明", SB_ROLE_AUTHORITY, city, &error);
  g_assert_no_error (error);
  g_clear_pointer (&profile, sb_profile_free);
  profile = sb_profile_load (fixture->database, id, &error);
  g_assert_cmpint (profile->organisation_id, ==, 0);

  g_assert_null (sb_profile_load (fixture->database, 999, &error));
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_NOT_FOUND);
}

static void
test_last_profile (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProfile) last = sb_profile_load_last (fixture->database, &error);
  g_autoptr(SbProfile) expert = NULL;
  g_autoptr(SbProfile) reread = NULL;
  gint64 id;

  /* The demonstration opens as the authority. */
  g_assert_no_error (error);
  g_assert_nonnull (last);
  g_assert_cmpint (last->role, ==, SB_ROLE_AUTHORITY);

  id = query_int (fixture, "SELECT id FROM profiles WHERE role = 'expert'");
  expert = sb_profile_load (fixture->database, id, &error);
  g_assert_true (sb_profile_set_last (fixture->database, expert, &error));
  g_assert_no_error (error);
  reread = sb_profile_load_last (fixture->database, &error);
  g_assert_cmpint (reread->id, ==, id);

  /* Profiles are audited like submitted data. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'profiles'"),
                   ==, query_int (fixture, "SELECT count(*) FROM profiles"));
}

static void
test_visible_bases (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = sb_profile_list (fixture->database, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 5);

  for (guint i = 0; i < profiles->len; i++)
    {
      const SbProfile *profile = g_ptr_array_index (profiles, i);
      g_autoptr(GHashTable) visible = sb_profile_list_visible_bases (fixture->database, profile, &error);
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      switch (profile->role)
        {
        case SB_ROLE_AUTHORITY:
        case SB_ROLE_TECHNICAL_INSTITUTION:
          g_assert_null (visible);
          break;
        case SB_ROLE_APPLICANT:
          sql = g_strdup_printf ("SELECT count(*) FROM bases WHERE lead_unit_id = %" G_GINT64_FORMAT
                                 " OR id IN (SELECT base_id FROM base_units WHERE organisation_id = %"
                                 G_GINT64_FORMAT ")", profile->organisation_id, profile->organisation_id);
          g_assert_nonnull (visible);
          g_assert_cmpuint (g_hash_table_size (visible), >=, 1);
          g_assert_cmpuint (g_hash_table_size (visible), ==, query_int (fixture, sql));
          break;
        case SB_ROLE_RECOMMENDER:
          sql = g_strdup_printf ("SELECT count(*) FROM bases WHERE recommender_id = %" G_GINT64_FORMAT,
                                 profile->organisation_id);
          g_assert_nonnull (visible);
          g_assert_cmpuint (g_hash_table_size (visible), ==, query_int (fixture, sql));
          g_assert_cmpuint (g_hash_table_size (visible), <, query_int (fixture, "SELECT count(*) FROM bases"));
          break;
        case SB_ROLE_EXPERT:
          {
            gint64 base = 1;

            /* The bases of the panels the expert sits on; then a review
             * that names the expert adds its base. */
            g_assert_nonnull (visible);
            g_assert_cmpuint (g_hash_table_size (visible), ==,
                              query_int (fixture, "SELECT count(DISTINCT p.base_id) FROM panels p"
                                                  " JOIN panel_members m ON m.panel_id = p.id"
                                                  " JOIN experts e ON e.id = m.expert_id"
                                                  " WHERE e.name = '王磊'"));
            g_assert_false (g_hash_table_contains (visible, &base));
            g_clear_pointer (&visible, g_hash_table_unref);
            sql = g_strdup_printf ("INSERT INTO reviews (base_id, kind, reviewer, date)"
                                   " VALUES (%" G_GINT64_FORMAT ", 'expert', '%s', '2026-11-20')",
                                   base, profile->name);
            g_assert_true (sb_database_exec (fixture->database, sql, &error));
            visible = sb_profile_list_visible_bases (fixture->database, profile, &error);
            g_assert_true (g_hash_table_contains (visible, &base));
          }
          break;
        case SB_N_ROLES:
        default:
          g_assert_not_reached ();
        }
    }
}

/* Whatever a screen offers, the core refuses an action to a connection
 * acting as a profile of another role; without a profile it does not judge. */
static void
test_acting_role (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 experts[3];
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (experts); i++)
    {
      g_autofree char *name = g_strdup_printf ("评审%u", i);

      experts[i] = sb_expert_add (fixture->database, name, "", 0, "", &error);
      g_assert_no_error (error);
    }

  sb_database_set_audit_actor (fixture->database, "王磊", "expert");
  g_assert_cmpint (sb_panel_form (fixture->database, 1, SB_PANEL_KIND_EXPERT, &today, experts, 3, &error), ==, 0);
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_WRONG_ROLE);
  g_assert_nonnull (strstr (error->message, "Art. 15"));
  g_clear_error (&error);

  sb_database_set_audit_actor (fixture->database, "陈刚", "applicant");
  g_assert_cmpint (sb_spot_check_record (fixture->database, 1, &today, SB_SPOT_CHECK_ON_SITE, "陈刚", "自查",
                                         &error), ==, 0);
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_WRONG_ROLE);
  g_clear_error (&error);
  g_assert_null (sb_certificate_store_issue (fixture->database,
                                             query_int (fixture, "SELECT id FROM bases WHERE state = 'established' LIMIT 1"),
                                             &today, "陈刚", &error));
  g_assert_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_WRONG_ROLE);
  g_assert_nonnull (strstr (error->message, "Art. 22"));
  g_clear_error (&error);

  /* The authority may. */
  sb_database_set_audit_actor (fixture->database, "张明", "authority");
  g_assert_cmpint (sb_panel_form (fixture->database, 1, SB_PANEL_KIND_EXPERT, &today, experts, 3, &error), >, 0);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/profile/new-database-has-none", Fixture, NULL,
              fixture_set_up, test_new_database_has_none, fixture_tear_down);
  g_test_add ("/profile/add-and-validate", Fixture, NULL,
              fixture_set_up, test_add_and_validate, fixture_tear_down);
  g_test_add ("/profile/last", Fixture, "demo",
              fixture_set_up, test_last_profile, fixture_tear_down);
  g_test_add ("/profile/acting-role", Fixture, "demo",
              fixture_set_up, test_acting_role, fixture_tear_down);
  g_test_add ("/profile/visible-bases", Fixture, "demo",
              fixture_set_up, test_visible_bases, fixture_tear_down);

  return g_test_run ();
}
