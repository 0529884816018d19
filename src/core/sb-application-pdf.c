/* sb-application-pdf.c: the application (申报书) as an A4 PDF
 *
 * Drawn with Cairo and Pango, so the fonts are embedded (as subsets) and
 * Chinese text is shaped as on screen: a cover page, then every section
 * of the form in the order of the wizard, the standards of condition (3)
 * and the attachments as tables, and "page N of M" at the foot of every
 * page.  The pages are laid out twice: once to count them, once to draw.
 */
#define G_LOG_DOMAIN "sb-application-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sb-application-form.h"
#include "sb-application-pdf.h"
#include "sb-application-store.h"
#include "sb-date.h"
#include "sb-locale.h"
#include "sb-standard-designation.h"
#include "sb-statistics.h"

#define PAGE_WIDTH   595.276  /* A4 in points */
#define PAGE_HEIGHT  841.890
#define MARGIN       62.0
#define FOOTER       36.0
#define BODY_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define FONT_FAMILY  "Noto Serif CJK SC, Noto Sans CJK SC, serif"
#define HEADING_FAMILY "Noto Sans CJK SC, sans-serif"

typedef struct
{
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoLayout          *footer;    /* its own, as pages break mid-paragraph */
  PangoFontDescription *body;
  PangoFontDescription *small;
  PangoFontDescription *bold;
  PangoFontDescription *heading;
  PangoFontDescription *title;
  double                y;
  int                   page;
  int                   total;     /* known in the second pass */
  gboolean              drawing;   /* else only counting pages */
} Writer;

typedef struct
{
  GHashTable *values;
  const GDate *date;
  GArray     *domains;
  GArray     *tags;
  GArray     *recommenders;
  GPtrArray  *attachments;     /* SbApplicationDocument */
  GPtrArray  *evidence[SB_APPLICATION_CONDITIONS];
} Content;

static void
set_text (Writer                     *w,
          const char                 *text,
          const PangoFontDescription *font,
          double                      width,
          PangoAlignment              alignment)
{
  pango_layout_set_font_description (w->layout, font);
  pango_layout_set_width (w->layout, width > 0 ? pango_units_from_double (width) : -1);
  pango_layout_set_alignment (w->layout, alignment);
  pango_layout_set_text (w->layout, text != NULL ? text : "", -1);
}

static double
text_height (Writer *w)
{
  int height;

  pango_layout_get_size (w->layout, NULL, &height);

  return pango_units_to_double (height);
}

static void
draw_at (Writer *w,
         double  x,
         double  y)
{
  if (!w->drawing)
    return;

  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, w->layout);
}

static void
draw_footer (Writer *w)
{
  g_autofree char *text = NULL;

  if (!w->drawing)
    return;

  /* Translators: the foot of each page of the application PDF */
  text = g_strdup_printf (_("Page %d of %d"), w->page, w->total);
  pango_layout_set_text (w->footer, text, -1);
  cairo_set_source_rgb (w->cr, 0.35, 0.35, 0.35);
  cairo_move_to (w->cr, MARGIN, PAGE_HEIGHT - FOOTER);
  pango_cairo_show_layout (w->cr, w->footer);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
new_page (Writer *w)
{
  draw_footer (w);
  if (w->drawing)
    cairo_show_page (w->cr);
  w->page++;
  w->y = MARGIN;
}

static void
ensure_space (Writer *w,
              double  height)
{
  if (w->y + height > PAGE_HEIGHT - MARGIN - FOOTER && w->y > MARGIN)
    new_page (w);
}

static void
heading (Writer     *w,
         const char *text)
{
  set_text (w, text, w->heading, BODY_WIDTH, PANGO_ALIGN_LEFT);
  /* Keep a heading with at least a few lines of what follows. */
  ensure_space (w, text_height (w) + 80);
  w->y += 10;
  draw_at (w, MARGIN, w->y);
  w->y += text_height (w) + 4;
  if (w->drawing)
    {
      cairo_set_line_width (w->cr, 0.8);
      cairo_move_to (w->cr, MARGIN, w->y);
      cairo_line_to (w->cr, MARGIN + BODY_WIDTH, w->y);
      cairo_stroke (w->cr);
    }
  w->y += 8;
}

/* A paragraph, split across pages line by line when it is long. */
static void
paragraph (Writer                     *w,
           const char                 *text,
           const PangoFontDescription *font,
           double                      indent)
{
  PangoLayoutIter *iter;
  double top;

  set_text (w, sb_form_is_blank (text) ? "—" : text, font, BODY_WIDTH - indent, PANGO_ALIGN_LEFT);
  if (w->y + text_height (w) <= PAGE_HEIGHT - MARGIN - FOOTER)
    {
      draw_at (w, MARGIN + indent, w->y);
      w->y += text_height (w) + 6;
      return;
    }

  iter = pango_layout_get_iter (w->layout);
  top = w->y;
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      double line_top, line_height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = pango_units_to_double (logical.y);
      line_height = pango_units_to_double (logical.height);
      if (top + line_top + line_height > PAGE_HEIGHT - MARGIN - FOOTER)
        {
          new_page (w);
          top = w->y - line_top;
          pango_layout_set_font_description (w->layout, font);
        }
      if (w->drawing)
        {
          cairo_move_to (w->cr, MARGIN + indent + pango_units_to_double (logical.x),
                         top + pango_units_to_double (baseline));
          pango_cairo_show_layout_line (w->cr, line);
        }
      w->y = top + line_top + line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  w->y += 6;
}

/* A label and its value side by side. */
static void
field (Writer     *w,
       const char *label,
       const char *value)
{
  const double label_width = 130;
  double height;

  set_text (w, sb_form_is_blank (value) ? "—" : value, w->body, BODY_WIDTH - label_width, PANGO_ALIGN_LEFT);
  height = text_height (w);
  ensure_space (w, height + 4);
  draw_at (w, MARGIN + label_width, w->y);
  set_text (w, label, w->bold, label_width - 10, PANGO_ALIGN_LEFT);
  draw_at (w, MARGIN, w->y);
  w->y += MAX (height, text_height (w)) + 5;
}

/* A table: @widths in points summing to the body width; @rows of
 * n_columns strings each, the first row the header. */
static void
table (Writer        *w,
       const double  *widths,
       guint          n_columns,
       GPtrArray     *rows)
{
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *cells = g_ptr_array_index (rows, r);
      double height = 0, x = MARGIN;

      for (guint c = 0; c < n_columns; c++)
        {
          set_text (w, cells[c], r == 0 ? w->bold : w->small, widths[c] - 8, PANGO_ALIGN_LEFT);
          height = MAX (height, text_height (w));
        }
      height += 8;
      ensure_space (w, height);

      if (w->drawing)
        {
          if (r == 0)
            {
              cairo_set_source_rgb (w->cr, 0.9, 0.9, 0.9);
              cairo_rectangle (w->cr, MARGIN, w->y, BODY_WIDTH, height);
              cairo_fill (w->cr);
              cairo_set_source_rgb (w->cr, 0, 0, 0);
            }
          cairo_set_line_width (w->cr, 0.5);
          cairo_rectangle (w->cr, MARGIN, w->y, BODY_WIDTH, height);
          cairo_stroke (w->cr);
        }
      for (guint c = 0; c < n_columns; c++)
        {
          set_text (w, cells[c], r == 0 ? w->bold : w->small, widths[c] - 8, PANGO_ALIGN_LEFT);
          draw_at (w, x + 4, w->y + 4);
          if (w->drawing && c > 0)
            {
              cairo_move_to (w->cr, x, w->y);
              cairo_line_to (w->cr, x, w->y + height);
              cairo_stroke (w->cr);
            }
          x += widths[c];
        }
      w->y += height;
    }
  w->y += 10;
}

static const char *
reference_name (GArray     *references,
                const char *code)
{
  for (guint i = 0; references != NULL && i < references->len; i++)
    {
      const SbReference *reference = &g_array_index (references, SbReference, i);

      if (g_strcmp0 (reference->code, code) == 0)
        return sb_locale_pick (reference->name_zh, reference->name_en);
    }

  return "";
}

static void
unit_fields (Writer     *w,
             GHashTable *values,
             const char *prefix)
{
  g_autofree char *kind = g_strdup_printf ("%s.kind", prefix);
  g_autofree char *legal = g_strdup_printf ("%s.legal", prefix);
  const char *kind_value = sb_form_get (values, kind);
  const char *keys[] = { "name", "code", "address", "contact", "phone", "email" };
  const char *labels[] = {
    _("Registered name"), _("Unified Social Credit Code"), _("Address"),
    _("Contact person"), _("Telephone"), _("E-mail"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s.%s", prefix, keys[i]);

      field (w, labels[i], sb_form_get (values, key));
      if (i == 1)
        {
          field (w, _("Kind of unit"),
                 g_strcmp0 (kind_value, "institution") == 0 ? _("Institution")
                 : g_strcmp0 (kind_value, "enterprise") == 0 ? _("Enterprise") : "");
          field (w, _("Legal-person status"),
                 g_strcmp0 (sb_form_get (values, legal), "1") == 0 ? _("Independent legal person") : _("Not an independent legal person"));
        }
    }
}

static char *
documents_text (GPtrArray *documents)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SbApplicationDocument *document = g_ptr_array_index (documents, i);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", document->file_name);
    }

  return g_string_free (text, FALSE);
}

static void
write_cover (Writer  *w,
             Content *content)
{
  SbApplicationNames names;
  char date[SB_DATE_TEXT_SIZE] = "";
  const char *lead = sb_form_get (content->values, "lead.name");
  const char *recommender = reference_name (content->recommenders, sb_form_get (content->values, "recommender"));

  sb_application_form_get_names (content->values, &names);
  sb_date_write (content->date, date);

  w->y = 200;
  set_text (w, _("Application for a Shanxi Technical Standard Innovation Base"), w->title, BODY_WIDTH, PANGO_ALIGN_CENTER);
  draw_at (w, MARGIN, w->y);
  w->y += text_height (w) + 30;
  set_text (w, names.preparatory_zh != NULL ? names.preparatory_zh : "—", w->heading, BODY_WIDTH, PANGO_ALIGN_CENTER);
  draw_at (w, MARGIN, w->y);
  w->y += text_height (w) + 8;
  if (names.preparatory_en != NULL)
    {
      set_text (w, names.preparatory_en, w->body, BODY_WIDTH, PANGO_ALIGN_CENTER);
      draw_at (w, MARGIN, w->y);
      w->y += text_height (w);
    }

  w->y = 480;
  field (w, _("Lead unit"), lead);
  field (w, _("Domain"), reference_name (content->domains, sb_form_get (content->values, "domain")));
  field (w, _("Recommender"), recommender);
  field (w, _("Date"), date);

  sb_application_names_clear (&names);
  new_page (w);
}

static void
write_sections (Writer  *w,
                Content *content)
{
  GHashTable *values = content->values;
  guint count;
  int section = 0;
  char number[16];

#define SECTION(title) \
  G_STMT_START { \
    g_autofree char *text_ = NULL; \
    g_snprintf (number, sizeof number, "%d", ++section); \
    /* Translators: a numbered section heading, e.g. "1  Lead unit" */ \
    text_ = g_strdup_printf (_("%s  %s"), number, title); \
    heading (w, text_); \
  } G_STMT_END

  SECTION (sb_application_step_get_title (SB_APPLICATION_STEP_LEAD));
  unit_fields (w, values, "lead");

  SECTION (sb_application_step_get_title (SB_APPLICATION_STEP_CO_APPLICANTS));
  count = sb_form_get_count (values, "co.count");
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("co.%u", i);
      g_autofree char *title = g_strdup_printf (_("Co-applicant %u"), i + 1);

      paragraph (w, title, w->bold, 0);
      unit_fields (w, values, prefix);
    }
  if (count == 0)
    paragraph (w, _("None"), w->body, 0);

  SECTION (sb_application_step_get_title (SB_APPLICATION_STEP_NAMES));
  {
    g_auto(GStrv) codes = g_strsplit (sb_form_get (values, "tags"), ",", -1);
    g_autoptr(GString) tags = g_string_new (NULL);
    SbApplicationNames names;

    for (guint i = 0; codes[i] != NULL; i++)
      if (codes[i][0] != '\0')
        g_string_append_printf (tags, "%s%s", tags->len > 0 ? _(", ") : "", reference_name (content->tags, codes[i]));

    sb_application_form_get_names (values, &names);
    field (w, _("Domain"), reference_name (content->domains, sb_form_get (values, "domain")));
    field (w, _("“Six new” tags"), tags->str);
    field (w, _("While preparing"), names.preparatory_zh);
    field (w, _("Once established"), names.established_zh);
    field (w, _("While preparing, in English"), names.preparatory_en);
    field (w, _("Once established, in English"), names.established_en);
    sb_application_names_clear (&names);
  }

  SECTION (sb_application_step_get_title (SB_APPLICATION_STEP_CONDITIONS));
  for (int c = 1; c <= SB_APPLICATION_CONDITIONS; c++)
    {
      g_autofree char *key = g_strdup_printf ("cond.%d.statement", c);
      g_autofree char *docs = documents_text (content->evidence[c - 1]);

      paragraph (w, sb_application_condition_get_text (c), w->bold, 0);
      paragraph (w, sb_form_get (values, key), w->body, 12);
      if (docs[0] != '\0')
        {
          g_autofree char *text = g_strdup_printf (_("Evidence: %s"), docs);

          paragraph (w, text, w->small, 12);
        }
    }

  SECTION (sb_application_step_get_title (SB_APPLICATION_STEP_STANDARDS));
  {
    static const double widths[] = { 28, 120, 185, 72, 66 };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    char **header = g_new0 (char *, 6);

    header[0] = g_strdup (_("No."));
    header[1] = g_strdup (_("Designation"));
    header[2] = g_strdup (_("Title"));
    header[3] = g_strdup (_("Level"));
    header[4] = g_strdup (_("Role"));
    g_ptr_array_add (rows, header);
    count = sb_form_get_count (values, "std.count");
    for (guint i = 0; i < count; i++)
      {
        const char *designation = sb_form_get_indexed (values, "std", i, "designation");
        g_autoptr(SbStandardDesignation) parsed = sb_standard_designation_parse (designation, NULL);
        const char *role = sb_form_get_indexed (values, "std", i, "role");
        char **row = g_new0 (char *, 6);

        row[0] = g_strdup_printf ("%u", i + 1);
        row[1] = g_strdup (parsed != NULL ? parsed->normalised : designation);
        row[2] = g_strdup (sb_form_get_indexed (values, "std", i, "title"));
        row[3] = g_strdup (parsed != NULL ? sb_standard_level_get_label (parsed->level) : "");
        row[4] = g_strdup (g_strcmp0 (role, "led") == 0 ? _("Led") : _("Took part"));
        g_ptr_array_add (rows, row);
      }
    table (w, widths, G_N_ELEMENTS (widths), rows);
  }

  SECTION (sb_application_step_get_title (SB_APPLICATION_STEP_CAPABILITY));
  paragraph (w, _("Research capability"), w->bold, 0);
  paragraph (w, sb_form_get (values, "research"), w->body, 12);
  paragraph (w, _("Service capability"), w->bold, 0);
  paragraph (w, sb_form_get (values, "service"), w->body, 12);

  SECTION (sb_application_step_get_title (SB_APPLICATION_STEP_RECOMMENDER));
  field (w, _("Recommender"), reference_name (content->recommenders, sb_form_get (values, "recommender")));
  paragraph (w, _("Recommendation opinion"), w->bold, 0);
  paragraph (w, sb_form_get (values, "recommendation"), w->body, 12);

  SECTION (sb_application_step_get_title (SB_APPLICATION_STEP_ATTACHMENTS));
  {
    static const double widths[] = { 28, 281, 70, 92 };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    char **header = g_new0 (char *, 5);

    header[0] = g_strdup (_("No."));
    header[1] = g_strdup (_("Document"));
    header[2] = g_strdup (_("Pages"));
    header[3] = g_strdup (_("Size"));
    g_ptr_array_add (rows, header);
    for (guint i = 0; i < content->attachments->len; i++)
      {
        SbApplicationDocument *document = g_ptr_array_index (content->attachments, i);
        char **row = g_new0 (char *, 5);

        row[0] = g_strdup_printf ("%u", i + 1);
        row[1] = g_strdup (document->file_name);
        row[2] = g_strdup_printf ("%d", document->pages);
        row[3] = g_format_size (document->size);
        g_ptr_array_add (rows, row);
      }
    table (w, widths, G_N_ELEMENTS (widths), rows);
  }
#undef SECTION

  draw_footer (w);
  if (w->drawing)
    cairo_show_page (w->cr);
}

static void
writer_init (Writer  *w,
             cairo_t *cr)
{
  PangoContext *context;
  cairo_font_options_t *options = cairo_font_options_create ();

  memset (w, 0, sizeof *w);
  w->cr = cr;
  w->layout = pango_cairo_create_layout (cr);
  context = pango_layout_get_context (w->layout);
  /* Metrics independent of any screen: the same layout every time. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_layout_context_changed (w->layout);
  cairo_font_options_destroy (options);
  pango_layout_set_wrap (w->layout, PANGO_WRAP_WORD_CHAR);

  w->body = pango_font_description_from_string (FONT_FAMILY " 10.5");
  w->small = pango_font_description_from_string (FONT_FAMILY " 9");
  w->bold = pango_font_description_from_string (HEADING_FAMILY " Bold 10");
  w->heading = pango_font_description_from_string (HEADING_FAMILY " Bold 14");
  w->title = pango_font_description_from_string (HEADING_FAMILY " Bold 22");
  w->page = 1;
  w->y = MARGIN;

  w->footer = pango_layout_new (context);
  pango_layout_set_font_description (w->footer, w->small);
  pango_layout_set_width (w->footer, pango_units_from_double (BODY_WIDTH));
  pango_layout_set_alignment (w->footer, PANGO_ALIGN_CENTER);
}

static void
writer_clear (Writer *w)
{
  g_clear_object (&w->layout);
  g_clear_object (&w->footer);
  pango_font_description_free (w->body);
  pango_font_description_free (w->small);
  pango_font_description_free (w->bold);
  pango_font_description_free (w->heading);
  pango_font_description_free (w->title);
}

static void
content_clear (Content *content)
{
  g_clear_pointer (&content->domains, g_array_unref);
  g_clear_pointer (&content->tags, g_array_unref);
  g_clear_pointer (&content->recommenders, g_array_unref);
  g_clear_pointer (&content->attachments, g_ptr_array_unref);
  for (int c = 0; c < SB_APPLICATION_CONDITIONS; c++)
    g_clear_pointer (&content->evidence[c], g_ptr_array_unref);
}

/**
 * sb_application_pdf_write:
 * @values: the application's form, complete or not
 * @date: the date printed on the cover
 * @path: where to write the PDF
 *
 * Writes the application as an A4 PDF: a cover page, every section and a
 * table of the attachments, with page numbers.
 */
gboolean
sb_application_pdf_write (SbDatabase   *database,
                          GHashTable   *values,
                          const GDate  *date,
                          const char   *path,
                          GError      **error)
{
  Content content = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Writer w;
  int total;

  g_return_val_if_fail (SB_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (values != NULL && date != NULL && path != NULL, FALSE);

  content.values = values;
  content.date = date;
  if ((content.domains = sb_statistics_list_domains (database, error)) == NULL
      || (content.tags = sb_statistics_list_tags (database, error)) == NULL
      || (content.recommenders = sb_application_list_recommenders (database, error)) == NULL)
    goto failed;
  {
    g_autoptr(GArray) ids = sb_form_get_ids (values, "attachments");

    if ((content.attachments = sb_application_list_documents (database, ids, error)) == NULL)
      goto failed;
  }
  for (int c = 1; c <= SB_APPLICATION_CONDITIONS; c++)
    {
      g_autofree char *key = g_strdup_printf ("cond.%d.docs", c);
      g_autoptr(GArray) ids = sb_form_get_ids (values, key);

      if ((content.evidence[c - 1] = sb_application_list_documents (database, ids, error)) == NULL)
        goto failed;
    }

  /* First pass: count the pages. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  writer_init (&w, cr);
  write_cover (&w, &content);
  write_sections (&w, &content);
  total = w.page;
  writer_clear (&w);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  {
    SbApplicationNames names;

    sb_application_form_get_names (values, &names);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    names.preparatory_zh != NULL ? names.preparatory_zh
                                    : _("Application for a Shanxi Technical Standard Innovation Base"));
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "StdBase " PACKAGE_VERSION);
    sb_application_names_clear (&names);
  }
  cr = cairo_create (surface);
  writer_init (&w, cr);
  w.drawing = TRUE;
  w.total = total;
  write_cover (&w, &content);
  write_sections (&w, &content);
  writer_clear (&w);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      goto failed;
    }

  content_clear (&content);
  return TRUE;

failed:
  content_clear (&content);
  return FALSE;
}
