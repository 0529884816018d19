/* test-chart.c: chart data, drawing, hit testing, descriptions and export
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "sb-chart.h"
#include "sb-chart-assessments.h"
#include "sb-chart-cities.h"
#include "sb-chart-domains.h"
#include "sb-chart-pipeline.h"
#include "sb-chart-standards.h"
#include "sb-statistics.h"

/* Fixtures: aggregation output filled by hand */

static void
summary_free (gpointer data)
{
  g_free (data);   /* the names are static */
}

static SbGroupSummary *
summary_new (const char *code,
             const char *name_zh,
             const char *name_en,
             int         applying,
             int         preparing,
             int         constructing,
             int         established,
             int         revoked,
             int         rejected)
{
  SbGroupSummary *summary = g_new0 (SbGroupSummary, 1);

  summary->reference.code = (char *) code;
  summary->reference.name_zh = (char *) name_zh;
  summary->reference.name_en = (char *) name_en;
  summary->by_phase[SB_PHASE_APPLYING] = applying;
  summary->by_phase[SB_PHASE_PREPARING] = preparing;
  summary->by_phase[SB_PHASE_CONSTRUCTING] = constructing;
  summary->by_phase[SB_PHASE_ESTABLISHED] = established;
  summary->by_phase[SB_PHASE_REVOKED] = revoked;
  summary->by_phase[SB_PHASE_REJECTED] = rejected;
  for (guint p = 0; p < SB_N_PHASES; p++)
    summary->total += summary->by_phase[p];

  return summary;
}

static GPtrArray *
domain_summaries (void)
{
  GPtrArray *summaries = g_ptr_array_new_with_free_func (summary_free);

  g_ptr_array_add (summaries, summary_new ("rail-transit", "轨道交通", "Rail transit", 1, 2, 3, 4, 0, 7));
  g_ptr_array_add (summaries, summary_new ("big-data", "大数据", "Big data", 0, 1, 0, 11, 1, 0));
  g_ptr_array_add (summaries, summary_new ("agriculture", "现代农业", "", 2, 0, 0, 0, 0, 0));

  return summaries;
}

static GPtrArray *
city_summaries (void)
{
  GPtrArray *summaries = g_ptr_array_new_with_free_func (summary_free);

  g_ptr_array_add (summaries, summary_new ("1401", "太原市", "Taiyuan", 3, 1, 2, 6, 0, 1));
  g_ptr_array_add (summaries, summary_new ("zone", "山西转型综合改革示范区",
                                           "Shanxi Transformation and Comprehensive Reform Demonstration Zone",
                                           0, 2, 1, 5, 0, 0));

  return summaries;
}

static GArray *
standards_years (void)
{
  GArray *years = g_array_new (FALSE, TRUE, sizeof (SbStandardsYear));
  const SbStandardsYear rows[] = {
    { 2023, { 1, 3, 4, 9, 12 } },
    { 2024, { 0, 5, 2, 14, 21 } },
    { 2025, { 2, 6, 7, 17, 30 } },
  };

  g_array_append_vals (years, rows, G_N_ELEMENTS (rows));
  return years;
}

static GArray *
assessment_years (void)
{
  GArray *years = g_array_new (FALSE, TRUE, sizeof (SbAssessmentYear));
  const SbAssessmentYear rows[] = {
    { 2024, 8, 1 },
    { 2025, 13, 2 },
  };

  g_array_append_vals (years, rows, G_N_ELEMENTS (rows));
  return years;
}

static const int pipeline_counts[SB_N_PIPELINE_STEPS] = { 40, 35, 28, 20, 9 };

typedef enum
{
  CHART_DOMAINS,
  CHART_CITIES,
  CHART_PIPELINE,
  CHART_STANDARDS,
  CHART_ASSESSMENTS,
  N_CHARTS
} Chart;

static SbChartData *
make_chart (Chart chart)
{
  switch (chart)
    {
    case CHART_DOMAINS:
      {
        g_autoptr(GPtrArray) summaries = domain_summaries ();
        return sb_chart_domains_new (summaries, FALSE);
      }
    case CHART_CITIES:
      {
        g_autoptr(GPtrArray) summaries = city_summaries ();
        return sb_chart_cities_new (summaries, TRUE);
      }
    case CHART_PIPELINE:
      return sb_chart_pipeline_new (pipeline_counts);
    case CHART_STANDARDS:
      {
        g_autoptr(GArray) years = standards_years ();
        return sb_chart_standards_new (years);
      }
    case CHART_ASSESSMENTS:
      {
        g_autoptr(GArray) years = assessment_years ();
        return sb_chart_assessments_new (years);
      }
    case N_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

/* Helpers: pixels */

static cairo_surface_t *
render (const SbChartData  *data,
        const SbChartStyle *style,
        int                 width,
        int                 height,
        double              scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale),
                                        (int) (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  sb_chart_render (cr, data, style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_of (const SbChartRgba *rgba)
{
  return 0xff000000u
         | (guint32) round (rgba->red * 255) << 16
         | (guint32) round (rgba->green * 255) << 8
         | (guint32) round (rgba->blue * 255);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *row = cairo_image_surface_get_data (surface)
                      + (gsize) y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x];
}

/* The share of pixels in the given part of the surface that differ from
 * @background. */
static double
drawn_share (cairo_surface_t *surface,
             guint32          background,
             double           x0,
             double           y0,
             double           x1,
             double           y1)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint drawn = 0, all = 0;

  for (int y = (int) (y0 * height); y < (int) (y1 * height); y++)
    for (int x = (int) (x0 * width); x < (int) (x1 * width); x++)
      {
        all++;
        if (pixel_at (surface, x, y) != background)
          drawn++;
      }

  return (double) drawn / MAX (all, 1);
}

/* Finds a pixel of exactly @color, in device pixels, looking from the
 * bottom up so that the legend's swatches come last. */
static gboolean
find_color (cairo_surface_t *surface,
            guint32          color,
            int             *found_x,
            int             *found_y)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  /* Two pixels in, so the point is well inside the bar */
  for (int y = height - 1; y >= 2; y--)
    for (int x = 0; x + 2 < width; x++)
      if (pixel_at (surface, x, y) == color && pixel_at (surface, x + 2, y - 2) == color)
        {
          *found_x = x + 2;
          *found_y = y - 2;
          return TRUE;
        }

  return FALSE;
}

static char *
make_temporary_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-chart-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Tests */

static void
test_data_copy (void)
{
  g_autoptr(SbChartData) data = sb_chart_data_new (SB_CHART_KIND_STACKED_BARS, 2, 3);
  g_autoptr(SbChartData) copy = NULL;

  sb_chart_data_set_title (data, "Title");
  sb_chart_data_set_value_label (data, "Things");
  sb_chart_data_set_category (data, 0, "A");
  sb_chart_data_set_category (data, 1, "B");
  sb_chart_data_set_series (data, 0, "x", SB_CHART_COLOR_RED);
  sb_chart_data_set_value (data, 1, 2, 7);
  sb_chart_data_set_value (data, 1, 0, 2.5);

  g_assert_cmpint (sb_chart_data_get_series_color (data, 0), ==, SB_CHART_COLOR_RED);
  g_assert_cmpint (sb_chart_data_get_series_color (data, 1), ==, SB_CHART_COLOR_GREEN);
  g_assert_cmpfloat (sb_chart_data_get_total (data, 1), ==, 9.5);
  g_assert_cmpfloat (sb_chart_data_get_total (data, 0), ==, 0);

  copy = sb_chart_data_copy (data);
  g_assert_true (sb_chart_data_equal (data, copy));
  g_assert_cmpstr (sb_chart_data_get_title (copy), ==, "Title");
  g_assert_cmpstr (sb_chart_data_get_category (copy, 1), ==, "B");
  g_assert_cmpfloat (sb_chart_data_get_value (copy, 1, 2), ==, 7);

  sb_chart_data_set_value (copy, 0, 0, 1);
  g_assert_false (sb_chart_data_equal (data, copy));
  g_assert_cmpfloat (sb_chart_data_get_value (data, 0, 0), ==, 0);
}

static void
test_modules (void)
{
  g_autoptr(GPtrArray) domains = domain_summaries ();
  g_autoptr(SbChartData) english = sb_chart_domains_new (domains, FALSE);
  g_autoptr(SbChartData) chinese = sb_chart_domains_new (domains, TRUE);
  g_autoptr(SbChartData) pipeline = sb_chart_pipeline_new (pipeline_counts);
  g_autoptr(SbChartData) standards = make_chart (CHART_STANDARDS);
  g_autoptr(SbChartData) assessments = make_chart (CHART_ASSESSMENTS);

  /* Bars by phase, rejected applications left out */
  g_assert_cmpint (sb_chart_data_get_kind (english), ==, SB_CHART_KIND_HORIZONTAL_BARS);
  g_assert_cmpuint (sb_chart_data_get_n_categories (english), ==, 3);
  g_assert_cmpuint (sb_chart_data_get_n_series (english), ==, 5);
  g_assert_cmpstr (sb_chart_data_get_category (english, 0), ==, "Rail transit");
  g_assert_cmpstr (sb_chart_data_get_category (chinese, 0), ==, "轨道交通");
  g_assert_cmpfloat (sb_chart_data_get_total (english, 0), ==, 10);
  g_assert_cmpfloat (sb_chart_data_get_value (english, 1, 3), ==, 11);
  /* A reference without an English name falls back to the Chinese one */
  g_assert_cmpstr (sb_chart_data_get_category (english, 2), ==, "现代农业");

  g_assert_cmpint (sb_chart_data_get_kind (pipeline), ==, SB_CHART_KIND_FUNNEL);
  g_assert_cmpuint (sb_chart_data_get_n_categories (pipeline), ==, SB_N_PIPELINE_STEPS);
  g_assert_cmpfloat (sb_chart_data_get_value (pipeline, SB_PIPELINE_ESTABLISHED, 0), ==, 9);

  g_assert_cmpint (sb_chart_data_get_kind (standards), ==, SB_CHART_KIND_STACKED_BARS);
  g_assert_cmpuint (sb_chart_data_get_n_series (standards), ==, SB_N_STANDARD_LEVELS);
  g_assert_cmpstr (sb_chart_data_get_category (standards, 2), ==, "2025");
  g_assert_cmpfloat (sb_chart_data_get_total (standards, 2), ==, 62);

  g_assert_cmpuint (sb_chart_data_get_n_series (assessments), ==, 2);
  g_assert_cmpfloat (sb_chart_data_get_value (assessments, 1, 1), ==, 2);
}

static void
test_render (gconstpointer user_data)
{
  Chart chart = GPOINTER_TO_INT (user_data);
  g_autoptr(SbChartData) data = make_chart (chart);
  static const struct { int width, height; double scale; gboolean dark; } cases[] = {
    { 1200, 800, 1, FALSE },
    { 400, 260, 2, TRUE },
    { 480, 300, 1, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(SbChartStyle) style = { 0, };
      cairo_surface_t *surface;
      guint32 background, series0;
      int x, y;

      sb_chart_style_init_default (&style, cases[c].dark);
      background = pixel_of (&style.background);
      series0 = pixel_of (&style.palette[sb_chart_data_get_series_color (data, 0)]);

      surface = render (data, &style, cases[c].width, cases[c].height, cases[c].scale);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

      /* Background in the corner, something drawn in the plot */
      g_assert_cmphex (pixel_at (surface, 0, 0), ==, background);
      g_assert_cmpfloat (drawn_share (surface, background, 0.3, 0.3, 0.9, 0.9), >, 0.05);
      /* The first series' colour is there, and the hit test finds it */
      g_assert_true (find_color (surface, series0, &x, &y));
      {
        guint category = G_MAXUINT, series = G_MAXUINT;

        g_assert_true (sb_chart_hit_test (data, &style, cases[c].width, cases[c].height,
                                          x / cases[c].scale, y / cases[c].scale,
                                          &category, &series));
        g_assert_cmpuint (category, <, sb_chart_data_get_n_categories (data));
        g_assert_cmpuint (series, ==, 0);
      }
      cairo_surface_destroy (surface);
    }
}

static void
test_hit_test (void)
{
  g_autoptr(SbChartData) data = make_chart (CHART_STANDARDS);
  g_auto(SbChartStyle) style = { 0, };
  cairo_surface_t *surface;
  guint32 group;
  guint category, series;
  int x, y;

  sb_chart_style_init_default (&style, FALSE);
  surface = render (data, &style, 600, 400, 1);

  /* Group standards (green) top each column: the lowest green pixel is
   * 2023's, the column whose other levels add up to least, on the left */
  group = pixel_of (&style.palette[sb_chart_data_get_series_color (data, SB_STANDARD_LEVEL_GROUP)]);
  g_assert_true (find_color (surface, group, &x, &y));
  g_assert_true (sb_chart_hit_test (data, &style, 600, 400, x, y, &category, &series));
  g_assert_cmpuint (category, ==, 0);
  g_assert_cmpuint (series, ==, SB_STANDARD_LEVEL_GROUP);
  g_assert_cmpint (x, <, 250);

  /* Just below it, 2023's local standards (blue) */
  g_assert_true (sb_chart_hit_test (data, &style, 600, 400, x, y + 6, &category, &series));
  g_assert_cmpuint (category, ==, 0);
  g_assert_cmpuint (series, ==, SB_STANDARD_LEVEL_LOCAL);

  /* Nothing in the corner, nor outside the chart */
  g_assert_false (sb_chart_hit_test (data, &style, 600, 400, 2, 2, &category, &series));
  g_assert_false (sb_chart_hit_test (data, &style, 600, 400, 700, 100, NULL, NULL));

  cairo_surface_destroy (surface);
}

static void
test_describe (void)
{
  g_autoptr(SbChartData) domains = make_chart (CHART_DOMAINS);
  g_autoptr(SbChartData) pipeline = make_chart (CHART_PIPELINE);
  g_autoptr(SbChartData) assessments = make_chart (CHART_ASSESSMENTS);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  text = sb_chart_describe (domains);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Bases by domain and phase."));
  g_assert_nonnull (strstr (text, "Rail transit: 10 in total (Applying 1, Preparing 2, "
                                  "Under construction 3, Established 4, Revoked 0)."));
  g_assert_nonnull (strstr (text, "Big data: 13 in total"));
  g_assert_nonnull (strstr (text, "Established 11"));
  g_clear_pointer (&text, g_free);

  text = sb_chart_describe (pipeline);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, ": 40."));
  g_assert_nonnull (strstr (text, ": 35, 88% of the previous step."));
  g_assert_nonnull (strstr (text, ": 9, 45% of the previous step."));
  g_clear_pointer (&text, g_free);

  text = sb_chart_describe (assessments);
  g_assert_nonnull (strstr (text, "2025: 15 in total (Passed 13, Failed 2)."));

  tooltip = sb_chart_describe_value (domains, 0, 2);
  g_assert_cmpstr (tooltip, ==, "Rail transit\nUnder construction: 3 of 10");
  g_clear_pointer (&tooltip, g_free);
  tooltip = sb_chart_describe_value (pipeline, 1, 0);
  g_assert_true (g_str_has_suffix (tooltip, ": 35 (88% of the previous step)"));
}

static void
test_empty (void)
{
  g_autoptr(SbChartData) empty = sb_chart_data_new (SB_CHART_KIND_HORIZONTAL_BARS, 0, 5);
  g_autoptr(SbChartData) zeros = sb_chart_data_new (SB_CHART_KIND_STACKED_BARS, 3, 2);
  g_autoptr(SbChartData) funnel = sb_chart_data_new (SB_CHART_KIND_FUNNEL, 4, 1);
  g_auto(SbChartStyle) style = { 0, };
  g_autofree char *text = NULL;
  SbChartData *all[] = { empty, zeros, funnel };

  sb_chart_style_init_default (&style, FALSE);
  sb_chart_data_set_title (empty, "Nothing");

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      cairo_surface_t *surface = render (all[i], &style, 300, 200, 1);

      g_assert_false (sb_chart_hit_test (all[i], &style, 300, 200, 150, 100, NULL, NULL));
      cairo_surface_destroy (surface);

      /* Too small to draw anything is not an error */
      surface = render (all[i], &style, 20, 10, 1);
      cairo_surface_destroy (surface);
    }

  text = sb_chart_describe (empty);
  g_assert_cmpstr (text, ==, "Nothing.\nNo figures to show.");
}

static void
test_export_png (void)
{
  g_autofree char *dir = make_temporary_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(SbChartData) data = make_chart (CHART_DOMAINS);
  g_autoptr(GError) error = NULL;
  g_auto(SbChartStyle) style = { 0, };
  cairo_surface_t *surface;

  sb_chart_style_init_default (&style, FALSE);
  style.scale = 2;
  g_assert_true (sb_chart_export (data, &style, SB_CHART_FORMAT_PNG, path, 600, 400, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 800);
  cairo_surface_destroy (surface);

  /* The temporary file is gone */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Writing again replaces the file */
  g_assert_true (sb_chart_export (data, &style, SB_CHART_FORMAT_PNG, path, 300, 200, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

static void
test_export_pdf (void)
{
  g_autofree char *dir = make_temporary_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SbChartData) data = make_chart (CHART_STANDARDS);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  g_auto(SbChartStyle) style = { 0, };
  double width, height;

  sb_chart_style_init_default (&style, FALSE);
  g_assert_true (sb_chart_export (data, &style, SB_CHART_FORMAT_PDF, path, 842, 595, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  title = poppler_document_get_title (document);
  g_assert_cmpstr (title, ==, sb_chart_data_get_title (data));

  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 842, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595, 0.5);
  text = poppler_page_get_text (page);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Standards drafted or revised by year and level"));
  g_assert_nonnull (strstr (text, "2024"));
  g_assert_nonnull (strstr (text, "62"));

  g_object_unref (page);
  g_object_unref (document);
  remove_dir (dir);
}

static void
test_export_svg (void)
{
  g_autofree char *dir = make_temporary_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(SbChartData) data = make_chart (CHART_PIPELINE);
  g_autoptr(GError) error = NULL;
  g_auto(SbChartStyle) style = { 0, };

  sb_chart_style_init_default (&style, TRUE);
  g_assert_true (sb_chart_export (data, &style, SB_CHART_FORMAT_SVG, path, 640, 480, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "640"));

  remove_dir (dir);
}

static void
test_export_fails (void)
{
  g_autofree char *dir = make_temporary_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "chart.png", NULL);
  g_autofree char *occupied = g_build_filename (dir, "occupied", NULL);
  g_autoptr(SbChartData) data = make_chart (CHART_ASSESSMENTS);
  g_autoptr(GError) error = NULL;
  g_auto(SbChartStyle) style = { 0, };

  sb_chart_style_init_default (&style, FALSE);

  /* A directory that does not exist */
  g_assert_false (sb_chart_export (data, &style, SB_CHART_FORMAT_PNG, missing, 300, 200, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_error (&error);

  /* A target that cannot be replaced: a directory with something in it;
   * the temporary file is cleaned up */
  g_assert_cmpint (g_mkdir (occupied, 0700), ==, 0);
  {
    g_autofree char *inside = g_build_filename (occupied, "keep", NULL);

    g_file_set_contents (inside, "keep", -1, &error);
    g_assert_no_error (error);
  }
  for (SbChartFormat format = SB_CHART_FORMAT_PNG; format <= SB_CHART_FORMAT_PDF; format++)
    {
      g_assert_false (sb_chart_export (data, &style, format, occupied, 300, 200, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpuint (count_entries (dir), ==, 1);
      g_assert_true (g_file_test (occupied, G_FILE_TEST_IS_DIR));
    }

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  static const char *names[N_CHARTS] = { "domains", "cities", "pipeline", "standards", "assessments" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/data/copy", test_data_copy);
  g_test_add_func ("/chart/modules", test_modules);
  for (Chart chart = 0; chart < N_CHARTS; chart++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/render/%s", names[chart]);

      g_test_add_data_func (path, GINT_TO_POINTER (chart), test_render);
    }
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/export/png", test_export_png);
  g_test_add_func ("/chart/export/pdf", test_export_pdf);
  g_test_add_func ("/chart/export/svg", test_export_svg);
  g_test_add_func ("/chart/export/fails", test_export_fails);

  return g_test_run ();
}
