/* sb-cli-pdf.c: stdbase-cli pdf info | render | annotations
 *
 * For scripted checks of the PDFs reviewers receive: what a file is, a
 * page of it as PNG, and the annotations in it.  A file that cannot be
 * read is one line on standard error and exit status 1.
 */
#define G_LOG_DOMAIN "stdbase-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sb-annotation-pdf.h"
#include "sb-cli-output.h"
#include "sb-cli-pdf.h"
#include "sb-pdf.h"

#define EXIT_INVALID SB_CLI_EXIT_INVALID
#define EXIT_USAGE   SB_CLI_EXIT_USAGE

static int    pdf_page;
static double pdf_scale = 1.0;
static char  *pdf_output;
static char  *pdf_password;

GOptionEntry sb_cli_pdf_entries[] = {
  { "page", 0, 0, G_OPTION_ARG_INT, &pdf_page,
    N_("The page to render, from 1"), N_("N") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &pdf_scale,
    N_("Pixels per point: 1 renders at 72 dots per inch (default 1)"), N_("SCALE") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, &pdf_output,
    N_("The PNG file to write"), N_("FILE") },
  { "password", 0, 0, G_OPTION_ARG_STRING, &pdf_password,
    N_("The password of a protected PDF"), N_("PASSWORD") },
  { NULL }
};

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static gboolean
use_json (const char *format,
          int        *status)
{
  if (format == NULL || g_str_equal (format, "tsv"))
    return FALSE;
  if (g_str_equal (format, "json"))
    return TRUE;

  *status = sb_cli_fail (EXIT_USAGE, _("Unknown format “%s”; use tsv or json"), format);
  return FALSE;
}

static int
run_info (PopplerDocument *document,
          GBytes          *bytes,
          gboolean         json)
{
  g_autoptr(SbPdfInfo) info = sb_pdf_info_new (document, bytes);
  g_autoptr(GString) out = g_string_new (NULL);

  if (json)
    {
      g_string_append_printf (out, "{\"pages\": %d, \"version\": ", info->n_pages);
      sb_cli_append_json_string (out, info->version);
      g_string_append_printf (out, ", \"encrypted\": %s, \"annotations\": %d, \"title\": ",
                              info->encrypted ? "true" : "false", info->n_annotations);
      sb_cli_append_json_string (out, info->title);
      g_string_append (out, "}\n");
    }
  else
    {
      g_autofree char *pages = g_strdup_printf ("%d", info->n_pages);
      g_autofree char *annotations = g_strdup_printf ("%d", info->n_annotations);

      sb_cli_append_tsv_field (out, "pages", FALSE);
      sb_cli_append_tsv_field (out, pages, TRUE);
      sb_cli_append_tsv_field (out, "version", FALSE);
      sb_cli_append_tsv_field (out, info->version, TRUE);
      sb_cli_append_tsv_field (out, "encrypted", FALSE);
      sb_cli_append_tsv_field (out, info->encrypted ? "yes" : "no", TRUE);
      sb_cli_append_tsv_field (out, "annotations", FALSE);
      sb_cli_append_tsv_field (out, annotations, TRUE);
      sb_cli_append_tsv_field (out, "title", FALSE);
      sb_cli_append_tsv_field (out, info->title, TRUE);
    }

  g_print ("%s", out->str);
  return EXIT_SUCCESS;
}

static int
run_annotations (PopplerDocument *document,
                 gboolean         json)
{
  g_autoptr(GPtrArray) annotations = sb_annotation_pdf_read (document);
  g_autoptr(GString) out = g_string_new (NULL);

  if (json)
    g_string_append (out, "[");
  else
    g_string_append (out, "page\tkind\tauthor\tdate\tcolour\tx1\ty1\tx2\ty2\tcontents\n");

  for (guint i = 0; i < annotations->len; i++)
    {
      SbAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *colour = sb_annotation_dup_colour (annotation);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (annotation->date);
      g_autofree char *date = g_date_time_format_iso8601 (utc);
      g_autofree char *page = g_strdup_printf ("%d", annotation->page + 1);
      g_autofree char *x1 = format_number (annotation->area.x1);
      g_autofree char *y1 = format_number (annotation->area.y1);
      g_autofree char *x2 = format_number (annotation->area.x2);
      g_autofree char *y2 = format_number (annotation->area.y2);
      const char *kind = sb_annotation_kind_to_string (annotation->kind);

      if (json)
        {
          g_string_append_printf (out, "%s\n  {\"page\": %s, \"kind\": ", i > 0 ? "," : "", page);
          sb_cli_append_json_string (out, kind);
          g_string_append (out, ", \"author\": ");
          sb_cli_append_json_string (out, annotation->author);
          g_string_append (out, ", \"date\": ");
          sb_cli_append_json_string (out, date);
          g_string_append (out, ", \"colour\": ");
          sb_cli_append_json_string (out, colour);
          g_string_append_printf (out, ", \"area\": [%s, %s, %s, %s], \"contents\": ", x1, y1, x2, y2);
          sb_cli_append_json_string (out, annotation->contents);
          g_string_append (out, "}");
        }
      else
        {
          sb_cli_append_tsv_field (out, page, FALSE);
          sb_cli_append_tsv_field (out, kind, FALSE);
          sb_cli_append_tsv_field (out, annotation->author, FALSE);
          sb_cli_append_tsv_field (out, date, FALSE);
          sb_cli_append_tsv_field (out, colour, FALSE);
          sb_cli_append_tsv_field (out, x1, FALSE);
          sb_cli_append_tsv_field (out, y1, FALSE);
          sb_cli_append_tsv_field (out, x2, FALSE);
          sb_cli_append_tsv_field (out, y2, FALSE);
          sb_cli_append_tsv_field (out, annotation->contents, TRUE);
        }
    }

  if (json)
    g_string_append (out, annotations->len > 0 ? "\n]\n" : "]\n");

  g_print ("%s", out->str);
  return EXIT_SUCCESS;
}

/**
 * sb_cli_pdf_run:
 * @argv: "pdf", the subcommand, the file
 * @format: (nullable): the --format given
 *
 * Returns: the exit status
 */
int
sb_cli_pdf_run (int          argc,
                char       **argv,
                const char  *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  PopplerDocument *document;
  const char *subcommand;
  gboolean json;
  int status = EXIT_SUCCESS;

  subcommand = argc >= 2 ? argv[1] : NULL;
  if (argc != 3
      || (g_strcmp0 (subcommand, "info") != 0 && g_strcmp0 (subcommand, "render") != 0
          && g_strcmp0 (subcommand, "annotations") != 0))
    return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli pdf info|render|annotations FILE"));

  json = use_json (format, &status);
  if (status != EXIT_SUCCESS)
    return status;

  if (g_str_equal (subcommand, "render"))
    {
      if (format != NULL)
        return sb_cli_fail (EXIT_USAGE, _("pdf render writes a PNG and takes no --format"));
      if (pdf_page < 1 || pdf_output == NULL)
        return sb_cli_fail (EXIT_USAGE, _("Usage: stdbase-cli pdf render FILE --page N [--scale S] --output PNG"));
      if (!(pdf_scale > 0 && pdf_scale <= 16))
        return sb_cli_fail (EXIT_USAGE, _("The scale must be more than 0 and at most 16"));
    }
  else if (pdf_page != 0 || pdf_output != NULL || pdf_scale != 1.0)
    {
      return sb_cli_fail (EXIT_USAGE, _("--page, --scale and --output go with pdf render only"));
    }

  bytes = sb_pdf_load_bytes (argv[2], &error);
  display = g_filename_display_name (argv[2]);
  document = bytes != NULL ? sb_pdf_open_bytes (bytes, display, pdf_password, &error) : NULL;
  if (document == NULL)
    {
      if (g_error_matches (error, SB_PDF_ERROR, SB_PDF_ERROR_NEEDS_PASSWORD))
        return sb_cli_fail (EXIT_INVALID, _("%s; give it with --password"), error->message);
      return sb_cli_fail (EXIT_INVALID, "%s", error->message);
    }

  if (g_str_equal (subcommand, "info"))
    status = run_info (document, bytes, json);
  else if (g_str_equal (subcommand, "annotations"))
    status = run_annotations (document, json);
  else if (!sb_pdf_render_to_png (document, pdf_page - 1, pdf_scale, pdf_output, &error))
    status = sb_cli_fail (EXIT_INVALID, "%s", error->message);

  g_object_unref (document);
  return status;
}
