/* test-pdf.c: opening, describing and rendering PDFs; annotations written
 * into a new PDF and read back with Poppler
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sb-annotation-pdf.h"
#include "sb-pdf.h"
#include "test-pdf-fixtures.h"

typedef struct
{
  char *dir;
  char *good;        /* five pages */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sb_test_pdf_temp_dir ();
  fixture->good = g_build_filename (fixture->dir, "good.pdf", NULL);
  sb_test_pdf_write_pages (fixture->good, 5);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sb_test_pdf_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->good);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
assert_open_fails (const char *path,
                   const char *password,
                   SbPdfError  code,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = sb_pdf_open (path, password, &error);

  g_assert_null (document);
  g_assert_error (error, SB_PDF_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, words));
  /* One line: the command line prints it as it is. */
  g_assert_null (strchr (error->message, '\n'));
}

/* Opening */

static void
test_open_good (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sb_pdf_load_bytes (fixture->good, &error);
  PopplerDocument *document;
  g_autoptr(SbPdfInfo) info = NULL;

  g_assert_no_error (error);
  document = sb_pdf_open_bytes (bytes, "good.pdf", NULL, &error);
  g_assert_no_error (error);
  info = sb_pdf_info_new (document, bytes);
  g_assert_cmpint (info->n_pages, ==, 5);
  g_assert_cmpstr (info->version, ==, "PDF-1.5");
  g_assert_false (info->encrypted);
  g_assert_cmpint (info->n_annotations, ==, 0);
  g_assert_cmpfloat_with_epsilon (info->width, 595, 0.01);
  g_assert_cmpfloat_with_epsilon (info->height, 842, 0.01);
  g_object_unref (document);
}

static void
test_open_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "missing.pdf");

  assert_open_fails (path, NULL, SB_PDF_ERROR_UNREADABLE, "missing.pdf");
}

static void
test_open_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "empty.pdf");

  sb_test_pdf_write_bytes (path, "", 0);
  assert_open_fails (path, NULL, SB_PDF_ERROR_EMPTY, "empty");
}

static void
test_open_garbage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "garbage.pdf");
  char noise[4096];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (char) g_test_rand_int_range (0, 256);
  memcpy (noise, "GIF89a", 6);
  sb_test_pdf_write_bytes (path, noise, sizeof noise);
  assert_open_fails (path, NULL, SB_PDF_ERROR_NOT_PDF, "not a PDF");
}

static void
test_open_truncated (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "truncated.pdf");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->good, &contents, &length, NULL));
  sb_test_pdf_write_bytes (path, contents, length / 2);
  assert_open_fails (path, NULL, SB_PDF_ERROR_TRUNCATED, "incomplete");
}

static void
test_open_damaged (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "damaged.pdf");
  const char text[] = "%PDF-1.4\nthis is no PDF body at all, only words\n%%EOF\n";

  sb_test_pdf_write_bytes (path, text, sizeof text - 1);
  assert_open_fails (path, NULL, SB_PDF_ERROR_DAMAGED, "damaged");
}

static void
test_open_encrypted (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "locked.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(SbPdfInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;

  sb_test_pdf_write_encrypted (path, "secret");
  assert_open_fails (path, NULL, SB_PDF_ERROR_NEEDS_PASSWORD, "password");
  assert_open_fails (path, "wrong", SB_PDF_ERROR_BAD_PASSWORD, "not correct");

  bytes = sb_pdf_load_bytes (path, &error);
  document = sb_pdf_open_bytes (bytes, "locked.pdf", "secret", &error);
  g_assert_no_error (error);
  info = sb_pdf_info_new (document, bytes);
  g_assert_cmpint (info->n_pages, ==, 1);
  g_assert_true (info->encrypted);
  g_object_unref (document);
}

/* Rendering */

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = path_in (fixture, "page.png");
  PopplerDocument *document = sb_pdf_open (fixture->good, NULL, &error);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_surface_t *read;
  guint8 *pixels;
  int stride, dark = 0;

  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  surface = sb_pdf_render_page (page, 2.0);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1190);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1684);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* The heading's ink is there: dark pixels on the line at y = 100 pt. */
  for (int x = 0; x < 1190; x++)
    {
      guint32 pixel = *(guint32 *) (pixels + 196 * stride + 4 * x);

      if ((pixel & 0xff) < 128)
        dark++;
    }
  g_assert_cmpint (dark, >, 20);
  cairo_surface_destroy (surface);
  g_object_unref (page);

  g_assert_true (sb_pdf_render_to_png (document, 4, 0.5, png, &error));
  g_assert_no_error (error);
  read = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (read), ==, 298);
  cairo_surface_destroy (read);

  g_assert_false (sb_pdf_render_to_png (document, 5, 1, png, &error));
  g_assert_error (error, SB_PDF_ERROR, SB_PDF_ERROR_NO_PAGE);
  g_object_unref (document);
}

/* Annotations */

static GPtrArray *
make_annotations (PopplerDocument *document)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  PopplerPage *page = poppler_document_get_page (document, 0);
  PopplerRectangle selection = { 72, 190, 400, 215 };   /* around "Line 4" */
  cairo_region_t *region;
  SbAnnotation *annotation;
  GArray *stroke;
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();

  /* A highlight over text selected as the view does. */
  annotation = sb_annotation_new (SB_ANNOTATION_HIGHLIGHT, 0);
  region = poppler_page_get_selected_region (page, 1.0, POPPLER_SELECTION_GLYPH, &selection);
  g_assert_cmpint (cairo_region_num_rectangles (region), >, 0);
  for (int i = 0; i < cairo_region_num_rectangles (region); i++)
    {
      cairo_rectangle_int_t r;
      SbPdfRect rect;

      cairo_region_get_rectangle (region, i, &r);
      rect = (SbPdfRect) { r.x, r.y, r.x + r.width, r.y + r.height };
      sb_annotation_add_rect (annotation, &rect);
    }
  cairo_region_destroy (region);
  sb_annotation_update_area (annotation);
  g_free (annotation->author);
  annotation->author = g_strdup ("王审查");
  g_free (annotation->contents);
  annotation->contents = g_strdup ("需补充证明材料");
  g_ptr_array_add (annotations, annotation);

  annotation = sb_annotation_new (SB_ANNOTATION_UNDERLINE, 1);
  sb_annotation_add_rect (annotation, &(SbPdfRect) { 72, 130, 300, 145 });
  sb_annotation_update_area (annotation);
  annotation->author = (g_free (annotation->author), g_strdup ("Li Expert"));
  g_ptr_array_add (annotations, annotation);

  annotation = sb_annotation_new (SB_ANNOTATION_NOTE, 2);
  annotation->area = (SbPdfRect) { 500, 60, 520, 80 };
  annotation->author = (g_free (annotation->author), g_strdup ("Li Expert"));
  annotation->contents = (g_free (annotation->contents), g_strdup ("Check the budget table"));
  g_ptr_array_add (annotations, annotation);

  annotation = sb_annotation_new (SB_ANNOTATION_FREE_TEXT, 3);
  annotation->area = (SbPdfRect) { 300, 600, 540, 660 };
  annotation->author = (g_free (annotation->author), g_strdup ("王审查"));
  annotation->contents = (g_free (annotation->contents), g_strdup ("形式审查：材料齐全 (complete)"));
  g_date_time_unref (annotation->date);
  annotation->date = g_date_time_new (zone, 2026, 11, 20, 9, 30, 0);
  g_ptr_array_add (annotations, annotation);

  annotation = sb_annotation_new (SB_ANNOTATION_INK, 4);
  stroke = sb_annotation_add_stroke (annotation);
  for (int i = 0; i < 20; i++)
    sb_annotation_stroke_add_point (annotation, stroke, 100 + 10 * i, 700 + (i % 2) * 15);
  stroke = sb_annotation_add_stroke (annotation);
  sb_annotation_stroke_add_point (annotation, stroke, 120, 760);
  sb_annotation_stroke_add_point (annotation, stroke, 260, 760);
  sb_annotation_set_colour (annotation, "#26a269");
  sb_annotation_update_area (annotation);
  annotation->author = (g_free (annotation->author), g_strdup ("Li Expert"));
  g_ptr_array_add (annotations, annotation);

  g_object_unref (page);
  return annotations;
}

static SbAnnotation *
find_kind (GPtrArray        *annotations,
           SbAnnotationKind  kind)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      SbAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (annotation->kind == kind)
        return annotation;
    }
  g_assert_not_reached ();
}

static void
test_annotations_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = path_in (fixture, "annotated.pdf");
  g_autofree char *original_before = NULL;
  g_autofree char *original_after = NULL;
  g_autoptr(GBytes) bytes = sb_pdf_load_bytes (fixture->good, &error);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(SbPdfInfo) info = NULL;
  PopplerDocument *document = sb_pdf_open_bytes (bytes, "good.pdf", NULL, &error);
  PopplerDocument *reopened;
  SbAnnotation *found;
  g_autofree char *colour = NULL;
  gsize before_length, after_length;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture->good, &original_before, &before_length, NULL));
  annotations = make_annotations (document);
  g_object_unref (document);

  g_assert_true (sb_annotation_pdf_write (bytes, "good.pdf", NULL, annotations, output, &error));
  g_assert_no_error (error);

  /* To look at it: SB_TEST_PDF_KEEP=/tmp/annotated.pdf */
  if (g_getenv ("SB_TEST_PDF_KEEP") != NULL)
    {
      g_autofree char *copy = NULL;
      gsize copy_length;

      g_assert_true (g_file_get_contents (output, &copy, &copy_length, NULL));
      sb_test_pdf_write_bytes (g_getenv ("SB_TEST_PDF_KEEP"), copy, copy_length);
    }

  /* The original is untouched. */
  g_assert_true (g_file_get_contents (fixture->good, &original_after, &after_length, NULL));
  g_assert_cmpmem (original_before, before_length, original_after, after_length);

  reopened = sb_pdf_open (output, NULL, &error);
  g_assert_no_error (error);
  info = sb_pdf_info_new (reopened, NULL);
  g_assert_cmpint (info->n_pages, ==, 5);
  g_assert_cmpint (info->n_annotations, ==, 5);
  read = sb_annotation_pdf_read (reopened);
  g_assert_cmpuint (read->len, ==, 5);

  found = find_kind (read, SB_ANNOTATION_HIGHLIGHT);
  g_assert_cmpint (found->page, ==, 0);
  g_assert_cmpstr (found->author, ==, "王审查");
  g_assert_cmpstr (found->contents, ==, "需补充证明材料");
  g_assert_cmpuint (found->rects->len, >, 0);
  g_assert_cmpfloat_with_epsilon (found->area.y1,
                                  ((SbAnnotation *) g_ptr_array_index (annotations, 0))->area.y1, 0.5);
  colour = sb_annotation_dup_colour (found);
  g_assert_cmpstr (colour, ==, "#f8e45c");

  /* Each has its own date, not the time it was written. */
  g_assert_true (g_date_time_difference (found->date, ((SbAnnotation *) g_ptr_array_index (annotations, 0))->date)
                 < G_TIME_SPAN_SECOND);

  found = find_kind (read, SB_ANNOTATION_UNDERLINE);
  g_assert_cmpint (found->page, ==, 1);
  g_assert_cmpfloat_with_epsilon (found->area.x2, 300, 0.5);

  found = find_kind (read, SB_ANNOTATION_NOTE);
  g_assert_cmpint (found->page, ==, 2);
  g_assert_cmpstr (found->contents, ==, "Check the budget table");
  g_assert_cmpfloat_with_epsilon (found->area.x1, 500, 0.5);
  g_assert_cmpfloat_with_epsilon (found->area.y1, 60, 0.5);

  found = find_kind (read, SB_ANNOTATION_FREE_TEXT);
  g_assert_cmpint (found->page, ==, 3);
  g_assert_cmpstr (found->contents, ==, "形式审查：材料齐全 (complete)");
  g_assert_cmpstr (found->author, ==, "王审查");
  g_assert_cmpint (g_date_time_get_day_of_month (found->date), ==, 20);
  g_assert_cmpint (g_date_time_get_hour (found->date), ==, 9);
  g_assert_cmpfloat_with_epsilon (found->area.y2, 660, 0.5);

  found = find_kind (read, SB_ANNOTATION_INK);
  g_assert_cmpint (found->page, ==, 4);
  g_clear_pointer (&colour, g_free);
  colour = sb_annotation_dup_colour (found);
  g_assert_cmpstr (colour, ==, "#26a269");
  g_assert_cmpfloat_with_epsilon (found->area.x1, 98, 0.5);

  /* The ink shows where it was drawn: green pixels on page 5. */
  {
    PopplerPage *page = poppler_document_get_page (reopened, 4);
    cairo_surface_t *surface = sb_pdf_render_page (page, 1.0);
    guint8 *pixels = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    int green = 0;

    for (int x = 100; x < 300; x++)
      {
        guint32 pixel = *(guint32 *) (pixels + 760 * stride + 4 * x);

        if (((pixel >> 8) & 0xff) > 120 && ((pixel >> 16) & 0xff) < 80)
          green++;
      }
    g_assert_cmpint (green, >, 50);
    cairo_surface_destroy (surface);
    g_object_unref (page);
  }

  g_object_unref (reopened);
}

static void
test_annotations_add_to_annotated (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = path_in (fixture, "first.pdf");
  g_autofree char *second = path_in (fixture, "second.pdf");
  g_autoptr(GBytes) bytes = sb_pdf_load_bytes (fixture->good, &error);
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) read = NULL;
  PopplerDocument *document = sb_pdf_open_bytes (bytes, "good.pdf", NULL, &error);

  annotations = make_annotations (document);
  g_object_unref (document);
  g_assert_true (sb_annotation_pdf_write (bytes, "good.pdf", NULL, annotations, first, &error));
  g_assert_no_error (error);

  /* A file that already has an incremental update takes another. */
  first_bytes = sb_pdf_load_bytes (first, &error);
  g_assert_true (sb_annotation_pdf_write (first_bytes, "first.pdf", NULL, annotations, second, &error));
  g_assert_no_error (error);
  document = sb_pdf_open (second, NULL, &error);
  g_assert_no_error (error);
  read = sb_annotation_pdf_read (document);
  g_assert_cmpuint (read->len, ==, 10);
  g_object_unref (document);
}

static void
test_annotations_bad_page (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = path_in (fixture, "never.pdf");
  g_autoptr(GBytes) bytes = sb_pdf_load_bytes (fixture->good, &error);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  SbAnnotation *note = sb_annotation_new (SB_ANNOTATION_NOTE, 9);

  g_ptr_array_add (annotations, note);
  g_assert_false (sb_annotation_pdf_write (bytes, "good.pdf", NULL, annotations, output, &error));
  g_assert_error (error, SB_PDF_ERROR, SB_PDF_ERROR_NO_PAGE);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

/* A file whose cross-reference is a stream takes its update as one. */
static void
test_annotations_xref_stream (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = path_in (fixture, "xref-stream.pdf");
  g_autofree char *output = path_in (fixture, "xref-stream-annotated.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(SbPdfInfo) info = NULL;
  SbAnnotation *annotation;
  PopplerDocument *document;
  GArray *stroke;
  gsize length;

  sb_test_pdf_write_xref_stream (input);
  bytes = sb_pdf_load_bytes (input, &error);
  document = sb_pdf_open_bytes (bytes, "xref-stream.pdf", NULL, &error);
  g_assert_no_error (error);
  info = sb_pdf_info_new (document, bytes);
  g_assert_cmpint (info->n_pages, ==, 2);
  g_object_unref (document);

  annotation = sb_annotation_new (SB_ANNOTATION_HIGHLIGHT, 0);
  sb_annotation_add_rect (annotation, &(SbPdfRect) { 72, 58, 400, 76 });
  sb_annotation_update_area (annotation);
  g_ptr_array_add (annotations, annotation);
  annotation = sb_annotation_new (SB_ANNOTATION_FREE_TEXT, 1);
  annotation->area = (SbPdfRect) { 100, 100, 300, 160 };
  annotation->contents = (g_free (annotation->contents), g_strdup ("第二页"));
  g_ptr_array_add (annotations, annotation);
  annotation = sb_annotation_new (SB_ANNOTATION_INK, 1);
  stroke = sb_annotation_add_stroke (annotation);
  sb_annotation_stroke_add_point (annotation, stroke, 100, 300);
  sb_annotation_stroke_add_point (annotation, stroke, 200, 350);
  sb_annotation_update_area (annotation);
  g_ptr_array_add (annotations, annotation);

  g_assert_true (sb_annotation_pdf_write (bytes, "xref-stream.pdf", NULL, annotations, output, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (output, &contents, &length, NULL));
  /* Poppler's update and ours each end in a cross-reference stream. */
  g_assert_nonnull (g_strstr_len (contents + length - MIN (length, 600), MIN (length, 600),
                                  "<< /Type /XRef /Size"));
  document = sb_pdf_open (output, NULL, &error);
  g_assert_no_error (error);
  read = sb_annotation_pdf_read (document);
  g_assert_cmpuint (read->len, ==, 3);
  g_assert_cmpstr (((SbAnnotation *) g_ptr_array_index (read, 1))->contents, ==, "第二页");
  g_object_unref (document);
}

/* A protected PDF takes what Poppler writes itself, not free text or ink. */
static void
test_annotations_encrypted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *locked = path_in (fixture, "locked.pdf");
  g_autofree char *output = path_in (fixture, "locked-annotated.pdf");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  g_autoptr(GPtrArray) read = NULL;
  SbAnnotation *highlight = sb_annotation_new (SB_ANNOTATION_HIGHLIGHT, 0);
  SbAnnotation *ink = sb_annotation_new (SB_ANNOTATION_INK, 0);
  PopplerDocument *document;
  GArray *stroke;

  sb_test_pdf_write_encrypted (locked, "secret");
  bytes = sb_pdf_load_bytes (locked, &error);
  sb_annotation_add_rect (highlight, &(SbPdfRect) { 20, 20, 120, 40 });
  sb_annotation_update_area (highlight);
  highlight->contents = (g_free (highlight->contents), g_strdup ("受保护"));
  g_ptr_array_add (annotations, highlight);
  stroke = sb_annotation_add_stroke (ink);
  sb_annotation_stroke_add_point (ink, stroke, 10, 10);
  sb_annotation_update_area (ink);
  g_ptr_array_add (annotations, ink);

  g_assert_false (sb_annotation_pdf_write (bytes, "locked.pdf", "secret", annotations, output, &error));
  g_assert_error (error, SB_PDF_ERROR, SB_PDF_ERROR_UNSUPPORTED);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_ptr_array_remove (annotations, ink);
  g_assert_true (sb_annotation_pdf_write (bytes, "locked.pdf", "secret", annotations, output, &error));
  g_assert_no_error (error);
  document = sb_pdf_open (output, "secret", &error);
  g_assert_no_error (error);
  read = sb_annotation_pdf_read (document);
  g_assert_cmpuint (read->len, ==, 1);
  g_assert_cmpstr (((SbAnnotation *) g_ptr_array_index (read, 0))->contents, ==, "受保护");
  g_object_unref (document);
}

static void
test_geometry (void)
{
  g_autoptr(SbAnnotation) ink = sb_annotation_new (SB_ANNOTATION_INK, 0);
  g_autoptr(SbAnnotation) copy = NULL;
  g_autoptr(SbAnnotation) highlight = sb_annotation_new (SB_ANNOTATION_HIGHLIGHT, 0);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  GArray *stroke = sb_annotation_add_stroke (ink);

  sb_annotation_stroke_add_point (ink, stroke, 1.5, 2.25);
  sb_annotation_stroke_add_point (ink, stroke, 10, 20);
  stroke = sb_annotation_add_stroke (ink);
  sb_annotation_stroke_add_point (ink, stroke, 3, 4);
  text = sb_annotation_dup_geometry (ink);
  g_assert_cmpstr (text, ==, "1.50 2.25 10.00 20.00;3.00 4.00");

  copy = sb_annotation_new (SB_ANNOTATION_INK, 0);
  g_assert_true (sb_annotation_set_geometry (copy, text));
  again = sb_annotation_dup_geometry (copy);
  g_assert_cmpstr (again, ==, text);
  sb_annotation_update_area (copy);
  g_assert_cmpfloat (copy->area.x1, ==, 1.5 - SB_ANNOTATION_INK_WIDTH);
  g_assert_cmpfloat (copy->area.y2, ==, 20 + SB_ANNOTATION_INK_WIDTH);

  g_assert_true (sb_annotation_set_geometry (highlight, "10 20 30 40;10 50 30 60"));
  g_assert_cmpuint (highlight->rects->len, ==, 2);
  g_assert_false (sb_annotation_set_geometry (highlight, "10 20 30"));
  g_assert_false (sb_annotation_set_geometry (highlight, "10 x 30 40"));

  sb_annotation_set_colour (highlight, "#102030");
  g_clear_pointer (&text, g_free);
  text = sb_annotation_dup_colour (highlight);
  g_assert_cmpstr (text, ==, "#102030");
  sb_annotation_set_colour (highlight, "red");
  g_clear_pointer (&text, g_free);
  text = sb_annotation_dup_colour (highlight);
  g_assert_cmpstr (text, ==, "#102030");
}

static void
test_dates (void)
{
  g_autoptr(GDateTime) date = sb_annotation_pdf_parse_date ("D:20261127083000+08'00'");
  g_autoptr(GDateTime) bare = sb_annotation_pdf_parse_date ("D:2026");
  g_autofree char *text = NULL;

  g_assert_nonnull (date);
  text = sb_annotation_pdf_format_date (date);
  g_assert_cmpstr (text, ==, "D:20261127003000Z");
  g_assert_nonnull (bare);
  g_assert_cmpint (g_date_time_get_month (bare), ==, 1);
  g_assert_null (sb_annotation_pdf_parse_date ("yesterday"));
  g_assert_null (sb_annotation_pdf_parse_date ("D:2026x"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/pdf/open/good", test_open_good);
  ADD ("/pdf/open/missing", test_open_missing);
  ADD ("/pdf/open/empty", test_open_empty);
  ADD ("/pdf/open/garbage", test_open_garbage);
  ADD ("/pdf/open/truncated", test_open_truncated);
  ADD ("/pdf/open/damaged", test_open_damaged);
  ADD ("/pdf/open/encrypted", test_open_encrypted);
  ADD ("/pdf/render", test_render);
  ADD ("/pdf/annotations/round-trip", test_annotations_round_trip);
  ADD ("/pdf/annotations/add-to-annotated", test_annotations_add_to_annotated);
  ADD ("/pdf/annotations/bad-page", test_annotations_bad_page);
  ADD ("/pdf/annotations/encrypted", test_annotations_encrypted);
  ADD ("/pdf/annotations/xref-stream", test_annotations_xref_stream);
  g_test_add_func ("/pdf/annotations/geometry", test_geometry);
  g_test_add_func ("/pdf/annotations/dates", test_dates);

#undef ADD

  return g_test_run ();
}
