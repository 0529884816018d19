/* test-certificate-cli.c: stdbase-cli certificate, certificates and verify
 *
 * Runs the built program (STDBASE_CLI) in a temporary folder on the
 * demonstration programme judged on 2026-11-27, and checks exit statuses
 * (verify: 0 valid, 3 void, 4 revoked, 5 forged, 1 not a certificate,
 * 2 usage), standard output and the files written.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#define TODAY "2026-11-27"

typedef struct
{
  char  *dir;
  char  *db;
  char **env;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static Result *
run (Fixture    *fixture,
     const char *first,
     ...) G_GNUC_NULL_TERMINATED;

static Result *
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("STDBASE_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (fixture->dir, (char **) args->pdata, fixture->env, G_SPAWN_DEFAULT,
                NULL, NULL, &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);

  return result;
}

static void
expect (Result *result,
        int     status)
{
  if (result->status != status)
    g_error ("Expected status %d, got %d; out: %s; err: %s", status, result->status,
             result->out, result->err);
  if (status == 1 || status == 2)
    {
      /* One line on standard error, nothing on standard output. */
      g_assert_cmpstr (result->out, ==, "");
      g_assert_true (g_str_has_prefix (result->err, "stdbase-cli: "));
      g_assert_nonnull (strchr (result->err, '\n'));
      g_assert_cmpint (strchr (result->err, '\n')[1], ==, '\0');
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) result = NULL;

  fixture->dir = g_dir_make_tmp ("test-certificate-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->env = g_get_environ ();
  fixture->env = g_environ_setenv (fixture->env, "HOME", fixture->dir, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_HOME", fixture->dir, TRUE);

  result = run (fixture, "demo", "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_strfreev (fixture->env);
}

/* The id of the first base in @state, from stdbase-cli list. */
static char *
find_base (Fixture    *fixture,
           const char *state)
{
  g_autoptr(Result) result = run (fixture, "list", "--state", state, "--database", fixture->db,
                                  "--today", TODAY, NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  expect (result, 0);
  lines = g_strsplit (result->out, "\n", 3);
  g_assert_nonnull (lines[1]);
  fields = g_strsplit (lines[1], "\t", 2);
  return g_strdup (fields[0]);
}

/* stdbase-cli certificate writes "NUMBER\tSTATE\tPATH". */
static char *
number_of (Result *result)
{
  g_auto(GStrv) fields = g_strsplit (result->out, "\t", 3);

  return g_strdup (fields[0]);
}

static void
test_issue_and_verify (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *established = find_base (fixture, "established");
  g_autofree char *rectifying = find_base (fixture, "assessment-rectifying");
  g_autofree char *constructing = find_base (fixture, "constructing");
  g_autofree char *first_number = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  Result *result;

  /* Without --issue nothing is issued. */
  result = run (fixture, "certificate", established, "--output", "a.pdf",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 1);
  g_assert_nonnull (strstr (result->err, "--issue"));
  result_free (result);

  result = run (fixture, "certificate", established, "--output", "a.pdf", "--issue",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
  g_assert_true (g_str_has_prefix (result->out, "SXJD-2026-0001\tissued\ta.pdf\n"));
  first_number = number_of (result);
  result_free (result);

  {
    g_autofree char *path = g_build_filename (fixture->dir, "a.pdf", NULL);

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  }
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  result = run (fixture, "verify", "a.pdf", "--database", fixture->db, NULL);
  expect (result, 0);
  g_assert_true (g_str_has_prefix (result->out, "valid\tSXJD-2026-0001\t"));
  result_free (result);

  /* A base that is not established is refused, citing Art. 22. */
  result = run (fixture, "certificate", constructing, "--output", "c.pdf", "--issue",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 1);
  g_assert_nonnull (strstr (result->err, "Art. 22"));
  {
    g_autofree char *path = g_build_filename (fixture->dir, "c.pdf", NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  result_free (result);

  /* Reissued: the old file is void (3), the new one valid. */
  result = run (fixture, "certificate", established, "--output", "b.pdf", "--reissue", "Lost",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
  g_assert_true (g_str_has_prefix (result->out, "SXJD-2026-0002\treissued\t"));
  result_free (result);

  result = run (fixture, "verify", "a.pdf", "--database", fixture->db, NULL);
  expect (result, 3);
  g_assert_true (g_str_has_prefix (result->out, "void\tSXJD-2026-0001\t"));
  g_assert_nonnull (strstr (result->out, "SXJD-2026-0002"));
  result_free (result);

  result = run (fixture, "verify", "b.pdf", "--database", fixture->db, NULL);
  expect (result, 0);
  result_free (result);

  /* Revoked with its base (Art. 38): 4. */
  result = run (fixture, "certificate", rectifying, "--output", "r.pdf", "--issue",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
  result_free (result);
  result = run (fixture, "transition", rectifying, "fail-recheck", "--note", "Failed again",
                "--database", fixture->db, "--today", "2027-02-10", NULL);
  expect (result, 0);
  result_free (result);
  result = run (fixture, "verify", "r.pdf", "--database", fixture->db, NULL);
  expect (result, 4);
  g_assert_true (g_str_has_prefix (result->out, "revoked\t"));
  result_free (result);

  /* The same certificate checked against another programme: forged (5). */
  {
    g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);

    result = run (fixture, "demo", "--count", "20", "--database", other, "--today", TODAY, NULL);
    expect (result, 0);
    result_free (result);
    result = run (fixture, "verify", "b.pdf", "--database", other, NULL);
    expect (result, 5);
    g_assert_true (g_str_has_prefix (result->out, "forged\t"));
    result_free (result);
  }

  /* Not a certificate, not a PDF, missing: 1. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "junk.pdf", NULL);

    g_assert_true (g_file_set_contents (path, "junk", -1, NULL));
  }
  result = run (fixture, "verify", "junk.pdf", "--database", fixture->db, NULL);
  expect (result, 1);
  result_free (result);
  result = run (fixture, "verify", "missing.pdf", "--database", fixture->db, NULL);
  expect (result, 1);
  g_assert_nonnull (strstr (result->err, "does not exist"));
  result_free (result);
}

/* A reader who changes the digits of a genuine file's number on its text
 * layer: the code no longer matches. */
static void
test_altered_number (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *established = find_base (fixture, "established");
  g_autofree char *rectifying = find_base (fixture, "assessment-rectifying");
  g_autofree char *path = g_build_filename (fixture->dir, "a.pdf", NULL);
  g_autofree char *altered_path = g_build_filename (fixture->dir, "altered.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0, replaced = 0;
  Result *result;

  result = run (fixture, "certificate", established, "-o", "a.pdf", "--issue",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
  result_free (result);
  result = run (fixture, "certificate", rectifying, "-o", "b.pdf", "--issue",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
  result_free (result);

  /* The metadata holds the number in plain bytes, the page in glyph ids:
   * a forger with a text editor changes every plain "SXJD-2026-0001" to
   * "SXJD-2026-0002", a number that exists. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + 14 <= length; i++)
    {
      if (memcmp (contents + i, "SXJD-2026-0001", 14) == 0)
        {
          contents[i + 13] = '2';
          replaced++;
        }
    }
  g_assert_cmpuint (replaced, >, 0);
  g_assert_true (g_file_set_contents (altered_path, contents, length, NULL));

  result = run (fixture, "verify", "altered.pdf", "--database", fixture->db, NULL);
  expect (result, 5);
  g_assert_true (g_str_has_prefix (result->out, "forged\t"));
  result_free (result);
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_auto(GStrv) lines = NULL;
  Result *result;
  guint files = 0;

  /* --all is required: no accidental batch. */
  result = run (fixture, "certificates", "--output-dir", "out", "--database", fixture->db, NULL);
  expect (result, 2);
  result_free (result);

  result = run (fixture, "certificates", "--all", "--output-dir", "out", "--issue",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
  g_assert_nonnull (strstr (result->err, "Issued"));
  lines = g_strsplit (result->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      g_autofree char *path = g_build_filename (fixture->dir, fields[2], NULL);
      g_autofree char *expected = g_strconcat (fields[0], ".pdf", NULL);

      g_assert_true (g_str_has_suffix (fields[2], expected));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      files++;
    }
  g_assert_cmpuint (files, >=, 3);
  result_free (result);

  /* Run again: nothing new to issue, the same files. */
  result = run (fixture, "certificates", "--all", "--output-dir", "out", "--issue",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, files);
  result_free (result);

  /* All of them as the pages of one file, for printing. */
  result = run (fixture, "certificates", "--all", "--output", "all.pdf",
                "--database", fixture->db, "--today", TODAY, NULL);
  expect (result, 0);
  {
    g_autofree char *path = g_build_filename (fixture->dir, "all.pdf", NULL);
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(GError) error = NULL;
    PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, files);
    g_object_unref (document);
  }
  result_free (result);

  /* Usage */
  result = run (fixture, "verify", "--database", fixture->db, NULL);
  expect (result, 2);
  result_free (result);
  result = run (fixture, "certificate", "1", "--database", fixture->db, NULL);
  expect (result, 2);
  result_free (result);
  result = run (fixture, "certificate", "x", "--output", "x.pdf", "--database", fixture->db, NULL);
  expect (result, 1);
  result_free (result);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/certificate-cli/issue-and-verify", Fixture, NULL, fixture_set_up, test_issue_and_verify, fixture_tear_down);
  g_test_add ("/certificate-cli/altered-number", Fixture, NULL, fixture_set_up, test_altered_number, fixture_tear_down);
  g_test_add ("/certificate-cli/batch", Fixture, NULL, fixture_set_up, test_batch, fixture_tear_down);

  return g_test_run ();
}
