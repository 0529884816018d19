/* test-draft.c: drafts saved, listed, loaded, deleted, and kept through
 * a SIGKILL */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sb-draft.h"
#include "sb-programme.h"
#include "test-application-data.h"

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

  fixture->dir = g_dir_make_tmp ("test-draft-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  fixture->database = sb_programme_get_database (fixture->programme);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) loaded = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  SbDraftInfo info = { 0 };
  gint64 first, second;

  first = sb_draft_create (fixture->database, SB_DRAFT_KIND_APPLICATION, 0, &error);
  g_assert_no_error (error);
  second = sb_draft_create (fixture->database, SB_DRAFT_KIND_APPLICATION, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, <, second);

  test_set (changes, "lead.name", "太原重型机械集团有限公司");
  test_set (changes, "cond.1.statement", "第一行\n第二行，带“引号”和 'quotes'");
  test_set (changes, "short_zh", "智能装备");
  sb_draft_save_fields (fixture->database, first, changes, &error);
  g_assert_no_error (error);
  sb_draft_set_title (fixture->database, first, "智能装备", 3, &error);
  g_assert_no_error (error);

  /* An empty value removes the field. */
  sb_draft_set_field (fixture->database, first, "short_zh", "", &error);
  g_assert_no_error (error);

  loaded = sb_draft_load (fixture->database, first, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (loaded), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (loaded, "lead.name"), ==, "太原重型机械集团有限公司");
  g_assert_cmpstr (g_hash_table_lookup (loaded, "cond.1.statement"), ==, "第一行\n第二行，带“引号”和 'quotes'");
  g_assert_false (g_hash_table_contains (loaded, "short_zh"));
  g_assert_cmpint (info.kind, ==, SB_DRAFT_KIND_APPLICATION);
  g_assert_cmpstr (info.title, ==, "智能装备");
  g_assert_cmpint (info.step, ==, 3);
  g_assert_cmpint (info.base_id, ==, 0);
  sb_draft_info_clear (&info);

  drafts = sb_draft_list (fixture->database, SB_DRAFT_KIND_APPLICATION, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = sb_draft_list (fixture->database, SB_DRAFT_KIND_PLAN, 0, &error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  sb_draft_delete (fixture->database, first, &error);
  g_assert_no_error (error);
  g_assert_null (sb_draft_load (fixture->database, first, NULL, &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving into a deleted draft says so rather than losing the text. */
  g_assert_false (sb_draft_set_field (fixture->database, first, "lead.name", "x", &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  drafts = sb_draft_list (fixture->database, SB_DRAFT_KIND_APPLICATION, 0, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
}

/* The child: types into a draft, one keystroke at a time, saving each as
 * the wizard does, and reports each saved text on stdout. */
static int
run_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 id;

  if (database == NULL)
    g_error ("%s", error->message);
  id = sb_draft_create (database, SB_DRAFT_KIND_APPLICATION, 0, &error);
  g_assert_no_error (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  fflush (stdout);

  for (guint i = 0; ; i++)
    {
      g_string_append_unichar (text, 0x4e00 + (i % 200));
      if (!sb_draft_set_field (database, id, "lead.name", text->str, &error))
        g_error ("%s", error->message);
      printf ("%s\n", text->str);
      fflush (stdout);
      g_usleep (2000);
    }

  return 0;
}

static void
test_sigkill (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) loaded = NULL;
  const char *argv[] = { NULL, "--child", fixture->path, NULL };
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *last = NULL;
  char line[4096];
  GPid pid;
  int out;
  FILE *stream;
  gint64 id;
  int status;

  /* Hand the database over to the child. */
  g_clear_object (&fixture->programme);

  argv[0] = self;
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  stream = fdopen (out, "r");

  g_assert_nonnull (fgets (line, sizeof line, stream));
  id = g_ascii_strtoll (line, NULL, 10);
  g_assert_cmpint (id, >, 0);

  for (int i = 0; i < 60; i++)
    {
      g_assert_nonnull (fgets (line, sizeof line, stream));
      g_free (last);
      last = g_strchomp (g_strdup (line));
    }

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);

  /* Whatever the child typed after the last line read may or may not
   * have been saved; everything it reported is there. */
  while (fgets (line, sizeof line, stream) != NULL)
    {
      g_free (last);
      last = g_strchomp (g_strdup (line));
    }
  fclose (stream);

  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fixture->database = sb_programme_get_database (fixture->programme);
  loaded = sb_draft_load (fixture->database, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (loaded, "lead.name"), last));
  g_assert_cmpuint (g_utf8_strlen (last, -1), >=, 60);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc == 3 && g_strcmp0 (argv[1], "--child") == 0)
    return run_child (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/draft/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/draft/sigkill", Fixture, NULL, fixture_set_up, test_sigkill, fixture_tear_down);

  return g_test_run ();
}
