/* test-pdf-cli.c: stdbase-cli pdf info | render | annotations
 */
#include "config.h"

#include <cairo.h>
#include <string.h>
#include <sys/wait.h>

#include "sb-annotation-pdf.h"
#include "sb-pdf.h"
#include "test-pdf-fixtures.h"

typedef struct
{
  char *out;
  char *err;
  int   status;
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
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);
  int wait_status;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("STDBASE_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));    /* never a crash */
  result->status = WEXITSTATUS (wait_status);

  return result;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static char *dir;
static char *good;
static char *annotated;

static void
test_info (void)
{
  g_autoptr(Result) tsv = run ("pdf", "info", good, NULL);
  g_autoptr(Result) json = run ("pdf", "info", annotated, "--format", "json", NULL);

  g_assert_cmpint (tsv->status, ==, 0);
  g_assert_nonnull (strstr (tsv->out, "pages\t3\n"));
  g_assert_nonnull (strstr (tsv->out, "version\tPDF-1.5\n"));
  g_assert_nonnull (strstr (tsv->out, "encrypted\tno\n"));
  g_assert_nonnull (strstr (tsv->out, "annotations\t0\n"));

  g_assert_cmpint (json->status, ==, 0);
  g_assert_nonnull (strstr (json->out, "\"pages\": 3"));
  g_assert_nonnull (strstr (json->out, "\"encrypted\": false"));
  g_assert_nonnull (strstr (json->out, "\"annotations\": 2"));
}

static void
test_annotations (void)
{
  g_autoptr(Result) tsv = run ("pdf", "annotations", annotated, NULL);
  g_autoptr(Result) json = run ("pdf", "annotations", annotated, "--format", "json", NULL);
  g_autoptr(Result) none = run ("pdf", "annotations", good, "--format", "json", NULL);

  g_assert_cmpint (tsv->status, ==, 0);
  g_assert_cmpuint (count_lines (tsv->out), ==, 3);
  g_assert_true (g_str_has_prefix (tsv->out, "page\tkind\tauthor\tdate\tcolour\t"));
  g_assert_nonnull (strstr (tsv->out, "1\tnote\t审查员\t2026-11-20T01:30:00Z\t#f6d32d\t100.00\t100.00\t120.00\t120.00\t"));
  /* Ink is written here, with its own date. */
  g_assert_nonnull (strstr (tsv->out, "2\tink\t\t2026-11-20T01:30:00Z\t#c01c28\t"));
  /* A tab or a newline in the words does not break the row. */
  g_assert_nonnull (strstr (tsv->out, "\tline one line two\n"));
  g_assert_nonnull (strstr (tsv->out, "2\tink\t"));

  g_assert_cmpint (json->status, ==, 0);
  g_assert_nonnull (strstr (json->out, "\"kind\": \"note\""));
  g_assert_nonnull (strstr (json->out, "\"contents\": \"line one\\nline two\""));
  g_assert_nonnull (strstr (json->out, "\"kind\": \"ink\""));
  g_assert_cmpstr (none->out, ==, "[]\n");
}

static void
test_render (void)
{
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autoptr(Result) result = run ("pdf", "render", good, "--page", "2", "--scale", "0.5", "--output", png, NULL);
  cairo_surface_t *surface;

  g_assert_cmpint (result->status, ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 298);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 421);
  cairo_surface_destroy (surface);
}

static void
assert_one_line_failure (Result     *result,
                         int         status,
                         const char *words)
{
  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "stdbase-cli: "));
  g_assert_cmpuint (count_lines (result->err), ==, 1);
  if (words != NULL)
    g_assert_nonnull (strstr (result->err, words));
}

static void
test_bad_files (void)
{
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.pdf", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  sb_test_pdf_write_bytes (empty, "", 0);
  sb_test_pdf_write_bytes (garbage, "\x89PNG\r\n\x1a\n not a pdf", -1);
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  sb_test_pdf_write_bytes (truncated, contents, length - 200);
  sb_test_pdf_write_encrypted (locked, "secret");

  {
    g_autoptr(Result) r = run ("pdf", "info", empty, NULL);
    assert_one_line_failure (r, 1, "empty");
  }
  {
    g_autoptr(Result) r = run ("pdf", "annotations", garbage, NULL);
    assert_one_line_failure (r, 1, "not a PDF");
  }
  {
    g_autoptr(Result) r = run ("pdf", "info", truncated, NULL);
    assert_one_line_failure (r, 1, "incomplete");
  }
  {
    g_autoptr(Result) r = run ("pdf", "info", locked, NULL);
    assert_one_line_failure (r, 1, "--password");
  }
  {
    g_autoptr(Result) r = run ("pdf", "info", locked, "--password", "wrong", NULL);
    assert_one_line_failure (r, 1, "not correct");
  }
  {
    g_autoptr(Result) r = run ("pdf", "info", locked, "--password", "secret", NULL);
    g_assert_cmpint (r->status, ==, 0);
    g_assert_nonnull (strstr (r->out, "encrypted\tyes\n"));
  }
  {
    g_autoptr(Result) r = run ("pdf", "render", missing, "--page", "1", "--output", "x.png", NULL);
    assert_one_line_failure (r, 1, "missing.pdf");
  }
  {
    g_autofree char *png = g_build_filename (dir, "nine.png", NULL);
    g_autoptr(Result) r = run ("pdf", "render", good, "--page", "9", "--output", png, NULL);
    assert_one_line_failure (r, 1, "no page 9");
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }
}

static void
test_usage (void)
{
  {
    g_autoptr(Result) r = run ("pdf", NULL);
    assert_one_line_failure (r, 2, NULL);
  }
  {
    g_autoptr(Result) r = run ("pdf", "explode", good, NULL);
    assert_one_line_failure (r, 2, NULL);
  }
  {
    g_autoptr(Result) r = run ("pdf", "render", good, "--output", "x.png", NULL);
    assert_one_line_failure (r, 2, NULL);
  }
  {
    g_autoptr(Result) r = run ("pdf", "render", good, "--page", "1", "--scale", "0", "--output", "x.png", NULL);
    assert_one_line_failure (r, 2, NULL);
  }
  {
    g_autoptr(Result) r = run ("pdf", "info", good, "--format", "xml", NULL);
    assert_one_line_failure (r, 2, NULL);
  }
  {
    g_autoptr(Result) r = run ("pdf", "info", good, "--page", "2", NULL);
    assert_one_line_failure (r, 2, NULL);
  }
}

static void
make_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  SbAnnotation *note, *ink;
  GArray *stroke;

  dir = sb_test_pdf_temp_dir ();
  good = g_build_filename (dir, "good.pdf", NULL);
  annotated = g_build_filename (dir, "annotated.pdf", NULL);
  sb_test_pdf_write_pages (good, 3);

  note = sb_annotation_new (SB_ANNOTATION_NOTE, 0);
  note->area = (SbPdfRect) { 100, 100, 120, 120 };
  note->author = (g_free (note->author), g_strdup ("审查员"));
  note->contents = (g_free (note->contents), g_strdup ("line one\nline two"));
  note->date = (g_date_time_unref (note->date), g_date_time_new (utc, 2026, 11, 20, 1, 30, 0));
  g_ptr_array_add (annotations, note);
  ink = sb_annotation_new (SB_ANNOTATION_INK, 1);
  ink->date = (g_date_time_unref (ink->date), g_date_time_new (utc, 2026, 11, 20, 1, 30, 0));
  stroke = sb_annotation_add_stroke (ink);
  sb_annotation_stroke_add_point (ink, stroke, 50, 50);
  sb_annotation_stroke_add_point (ink, stroke, 90, 80);
  sb_annotation_update_area (ink);
  g_ptr_array_add (annotations, ink);

  bytes = sb_pdf_load_bytes (good, &error);
  g_assert_true (sb_annotation_pdf_write (bytes, "good.pdf", NULL, annotations, annotated, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_files ();

  g_test_add_func ("/pdf-cli/info", test_info);
  g_test_add_func ("/pdf-cli/annotations", test_annotations);
  g_test_add_func ("/pdf-cli/render", test_render);
  g_test_add_func ("/pdf-cli/bad-files", test_bad_files);
  g_test_add_func ("/pdf-cli/usage", test_usage);

  status = g_test_run ();
  sb_test_pdf_remove_tree (dir);
  return status;
}
