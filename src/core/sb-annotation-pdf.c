/* sb-annotation-pdf.c: annotations read from and written into PDF files
 *
 * Writing opens the original with Poppler, adds each annotation to its
 * page with poppler_page_add_annot() and saves a new file; the original is
 * only read.  Poppler 22.12 can create highlights, underlines and text
 * notes, but not free text or ink, and it dates whatever it writes with
 * the time of writing.  So each annotation Poppler adds carries, as its
 * contents, a marker that names it — for free text and ink, on a square
 * annotation that stands in for them — and a short incremental update
 * appended to the saved file (PDF 32000-1:2008, 7.5.6) then rewrites each
 * one under the same object number: with its own dates and words, and for
 * free text and ink as the real FreeText or Ink annotation with its
 * appearance stream.  The page's /Annots array already points at those
 * numbers, so every reader finds them.  An encrypted file takes no update
 * (its objects would have to be encrypted too): it keeps Poppler's dates
 * and cannot take free text or ink.  The file is written beside the
 * destination and moved into place only once Poppler reads it back with
 * every annotation.
 */
#define G_LOG_DOMAIN "sb-annotation-pdf"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sb-annotation-pdf.h"
#include "sb-pdf.h"

#define FREE_TEXT_SIZE 12.0      /* points */
#define FREE_TEXT_PADDING 4.0

/* Dates */

/**
 * sb_annotation_pdf_format_date:
 *
 * Returns: (transfer full): @date as a PDF date, "D:20261127083000Z"
 */
char *
sb_annotation_pdf_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

  return g_date_time_format (utc, "D:%Y%m%d%H%M%SZ");
}

/**
 * sb_annotation_pdf_parse_date:
 * @text: a PDF date, "D:YYYYMMDDHHmmSSOHH'mm", with any tail left off
 *
 * Returns: (transfer full) (nullable): the date, or %NULL
 */
GDateTime *
sb_annotation_pdf_parse_date (const char *text)
{
  int fields[6] = { 0, 1, 1, 0, 0, 0 };
  const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  g_autoptr(GTimeZone) zone = NULL;
  const char *p = text;

  if (p == NULL)
    return NULL;
  if (g_str_has_prefix (p, "D:"))
    p += 2;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      int value = 0;

      if (!g_ascii_isdigit (*p))
        {
          if (i == 0)
            return NULL;
          break;
        }
      for (int j = 0; j < widths[i]; j++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return NULL;
          value = value * 10 + (*p - '0');
        }
      fields[i] = value;
    }

  if (*p != '\0' && *p != 'Z' && *p != '+' && *p != '-')
    return NULL;
  if (*p == '+' || *p == '-')
    {
      g_autofree char *offset = NULL;

      if (strlen (p) >= 3 && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
        {
          const char *minutes = p[3] == '\'' ? p + 4 : p + 3;

          offset = g_strdup_printf ("%c%c%c:%c%c", p[0], p[1], p[2],
                                    g_ascii_isdigit (minutes[0]) ? minutes[0] : '0',
                                    g_ascii_isdigit (minutes[0]) && g_ascii_isdigit (minutes[1]) ? minutes[1] : '0');
          zone = g_time_zone_new_identifier (offset);
        }
    }
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  return g_date_time_new (zone, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
}

/* Reading */

static void
colour_from_poppler (SbAnnotation *annotation,
                     PopplerAnnot *annot)
{
  PopplerColor *colour = poppler_annot_get_color (annot);

  if (colour == NULL)
    return;
  annotation->red = colour->red / 65535.0;
  annotation->green = colour->green / 65535.0;
  annotation->blue = colour->blue / 65535.0;
  g_free (colour);
}

/**
 * sb_annotation_pdf_read:
 *
 * The highlights, underlines, notes, free text and ink of @document.
 * Poppler 22.12 cannot read ink strokes, so ink comes with its area only.
 *
 * Returns: (transfer full) (element-type SbAnnotation): the annotations
 */
GPtrArray *
sb_annotation_pdf_read (PopplerDocument *document)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  int n_pages;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), annotations);

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double width, height;
      GList *mapping;

      poppler_page_get_size (page, &width, &height);
      mapping = poppler_page_get_annot_mapping (page);
      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerAnnotMapping *map = l->data;
          PopplerAnnot *annot = map->annot;
          SbAnnotationKind kind;
          SbAnnotation *annotation;
          PopplerRectangle rect;
          g_autofree char *modified = NULL;

          switch (poppler_annot_get_annot_type (annot))
            {
            case POPPLER_ANNOT_HIGHLIGHT: kind = SB_ANNOTATION_HIGHLIGHT; break;
            case POPPLER_ANNOT_UNDERLINE: kind = SB_ANNOTATION_UNDERLINE; break;
            case POPPLER_ANNOT_TEXT:      kind = SB_ANNOTATION_NOTE; break;
            case POPPLER_ANNOT_FREE_TEXT: kind = SB_ANNOTATION_FREE_TEXT; break;
            case POPPLER_ANNOT_INK:       kind = SB_ANNOTATION_INK; break;
            case POPPLER_ANNOT_UNKNOWN:
            case POPPLER_ANNOT_LINK:
            case POPPLER_ANNOT_LINE:
            case POPPLER_ANNOT_SQUARE:
            case POPPLER_ANNOT_CIRCLE:
            case POPPLER_ANNOT_POLYGON:
            case POPPLER_ANNOT_POLY_LINE:
            case POPPLER_ANNOT_SQUIGGLY:
            case POPPLER_ANNOT_STRIKE_OUT:
            case POPPLER_ANNOT_STAMP:
            case POPPLER_ANNOT_CARET:
            case POPPLER_ANNOT_POPUP:
            case POPPLER_ANNOT_FILE_ATTACHMENT:
            case POPPLER_ANNOT_SOUND:
            case POPPLER_ANNOT_MOVIE:
            case POPPLER_ANNOT_WIDGET:
            case POPPLER_ANNOT_SCREEN:
            case POPPLER_ANNOT_PRINTER_MARK:
            case POPPLER_ANNOT_TRAP_NET:
            case POPPLER_ANNOT_WATERMARK:
            case POPPLER_ANNOT_3D:
            default:
              continue;
            }

          annotation = sb_annotation_new (kind, i);
          /* The mapping's area is already clipped to the page; the
           * annotation's own rectangle is in PDF space. */
          poppler_annot_get_rectangle (annot, &rect);
          annotation->area.x1 = MIN (rect.x1, rect.x2);
          annotation->area.x2 = MAX (rect.x1, rect.x2);
          annotation->area.y1 = height - MAX (rect.y1, rect.y2);
          annotation->area.y2 = height - MIN (rect.y1, rect.y2);
          colour_from_poppler (annotation, annot);
          g_free (annotation->contents);
          annotation->contents = poppler_annot_get_contents (annot);
          if (annotation->contents == NULL)
            annotation->contents = g_strdup ("");
          if (POPPLER_IS_ANNOT_MARKUP (annot))
            {
              char *label = poppler_annot_markup_get_label (POPPLER_ANNOT_MARKUP (annot));

              if (label != NULL)
                {
                  g_free (annotation->author);
                  annotation->author = label;
                }
            }
          modified = poppler_annot_get_modified (annot);
          if (modified != NULL)
            {
              GDateTime *date = sb_annotation_pdf_parse_date (modified);

              if (date != NULL)
                {
                  g_date_time_unref (annotation->date);
                  annotation->date = date;
                }
            }

          if (POPPLER_IS_ANNOT_TEXT_MARKUP (annot))
            {
              GArray *quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (annot));

              for (guint q = 0; quads != NULL && q < quads->len; q++)
                {
                  PopplerQuadrilateral *quad = &g_array_index (quads, PopplerQuadrilateral, q);
                  SbPdfRect line;

                  line.x1 = MIN (MIN (quad->p1.x, quad->p2.x), MIN (quad->p3.x, quad->p4.x));
                  line.x2 = MAX (MAX (quad->p1.x, quad->p2.x), MAX (quad->p3.x, quad->p4.x));
                  line.y1 = height - MAX (MAX (quad->p1.y, quad->p2.y), MAX (quad->p3.y, quad->p4.y));
                  line.y2 = height - MIN (MIN (quad->p1.y, quad->p2.y), MIN (quad->p3.y, quad->p4.y));
                  sb_annotation_add_rect (annotation, &line);
                }
              if (quads != NULL)
                g_array_unref (quads);
            }

          g_ptr_array_add (annotations, annotation);
        }
      poppler_page_free_annot_mapping (mapping);
      g_object_unref (page);
    }

  return annotations;
}

/* Writing: text in PDF syntax */

static void
append_real (GString *out,
             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
}

static void
append_reals (GString *out,
              int      n,
              ...)
{
  va_list args;

  va_start (args, n);
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_real (out, va_arg (args, double));
    }
  va_end (args);
}

/* A text string as UTF-16BE with its byte order mark, in hex. */
static void
append_text_string (GString    *out,
                    const char *text)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;

  utf16 = g_utf8_to_utf16 (text ? text : "", -1, NULL, &n, NULL);
  g_string_append (out, "<feff");
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04x", utf16[i]);
  g_string_append_c (out, '>');
}

/* The same without the byte order mark: text shown with UniGB-UTF16-H. */
static void
append_shown_text (GString    *out,
                   const char *text,
                   glong       n_chars)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;

  utf16 = g_utf8_to_utf16 (text, g_utf8_offset_to_pointer (text, n_chars) - text, NULL, &n, NULL);
  g_string_append_c (out, '<');
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04x", utf16[i]);
  g_string_append_c (out, '>');
}

/* Widths, in thousandths of an em, the font below gives the first 95
 * glyphs of Adobe-GB1, which are printable ASCII: Helvetica's, which the
 * sans-serif Latin of the fonts readers put in its place comes close to.
 * Everything else is an em wide. */
static const guint16 ascii_widths[95] = {
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
};

static double
char_width (gunichar c)
{
  return c >= 0x20 && c < 0x7f ? ascii_widths[c - 0x20] / 1000.0 : 1.0;
}

/* Breaks @text into lines no wider than @width at @size. */
static GPtrArray *
wrap_text (const char *text,
           double      width,
           double      size)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) paragraphs = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *start = paragraphs[i];
      const char *p = start;
      const char *last_space = NULL;
      double used = 0;

      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);
          double w = char_width (c) * size;

          if (c == ' ')
            last_space = p;
          if (used + w > width && p > start)
            {
              const char *end = last_space != NULL && last_space > start ? last_space : p;

              g_ptr_array_add (lines, g_strndup (start, end - start));
              start = end;
              if (*start == ' ')
                start++;
              p = start;
              last_space = NULL;
              used = 0;
              continue;
            }
          used += w;
          p = g_utf8_next_char (p);
        }
      g_ptr_array_add (lines, g_strdup (start));
    }

  return lines;
}

typedef struct
{
  GString *body;       /* the objects of the update */
  gsize    base;       /* the update's offset in the file */
  GArray  *numbers;    /* (element-type int): object numbers written */
  GArray  *offsets;    /* (element-type gsize): where each starts */
  int      next;       /* the next free object number */
} Update;

static void
begin_object (Update *update,
              int     number)
{
  gsize offset = update->base + update->body->len;

  g_array_append_val (update->numbers, number);
  g_array_append_val (update->offsets, offset);
  g_string_append_printf (update->body, "%d 0 obj\n", number);
}

static void
append_stream_object (Update     *update,
                      int         number,
                      const char *dict,
                      GString    *stream)
{
  begin_object (update, number);
  g_string_append_printf (update->body, "<< %s /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                          dict, stream->len);
  g_string_append_len (update->body, stream->str, stream->len);
  g_string_append (update->body, "\nendstream\nendobj\n");
}

/* The font free text is shown in: Adobe's Song, not embedded, which every
 * reader with CJK support replaces with a Chinese font it has; its first
 * 95 glyphs are proportional Latin, given the widths above. */
static int
append_font (Update *update)
{
  int font = update->next++;
  int descendant = update->next++;
  int descriptor = update->next++;
  g_autoptr(GString) widths = g_string_new ("1 [");

  for (guint i = 0; i < G_N_ELEMENTS (ascii_widths); i++)
    g_string_append_printf (widths, "%s%u", i > 0 ? " " : "", ascii_widths[i]);
  g_string_append_c (widths, ']');

  begin_object (update, font);
  g_string_append_printf (update->body,
                          "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light"
                          " /Encoding /UniGB-UTF16-H /DescendantFonts [%d 0 R] >>\nendobj\n",
                          descendant);
  begin_object (update, descendant);
  g_string_append_printf (update->body,
                          "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
                          " /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>"
                          " /FontDescriptor %d 0 R /DW 1000 /W [%s] >>\nendobj\n",
                          descriptor, widths->str);
  begin_object (update, descriptor);
  g_string_append (update->body,
                   "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6"
                   " /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880"
                   " /Descent -120 /CapHeight 880 /StemV 93 >>\nendobj\n");

  return font;
}

static void
append_common (GString            *out,
               const SbAnnotation *annotation,
               double              height)
{
  g_autofree char *date = sb_annotation_pdf_format_date (annotation->date);

  g_string_append (out, " /Rect [");
  append_reals (out, 4, annotation->area.x1, height - annotation->area.y2,
                annotation->area.x2, height - annotation->area.y1);
  g_string_append (out, "] /F 4 /C [");
  append_reals (out, 3, annotation->red, annotation->green, annotation->blue);
  g_string_append (out, "] /T ");
  append_text_string (out, annotation->author);
  g_string_append (out, " /Contents ");
  append_text_string (out, annotation->contents);
  g_string_append_printf (out, " /M (%s) /CreationDate (%s)", date, date);
}

static void
append_free_text (Update             *update,
                  int                 number,
                  const SbAnnotation *annotation,
                  double              height,
                  int                *font)
{
  g_autoptr(GString) ap = g_string_new (NULL);
  g_autoptr(GString) dict = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  double x1 = annotation->area.x1, x2 = annotation->area.x2;
  double top = height - annotation->area.y1, bottom = height - annotation->area.y2;
  int stream;

  if (*font == 0)
    *font = append_font (update);

  /* The appearance: on white, a thin frame and the words, in the
   * annotation's colour. */
  g_string_append (ap, "1 1 1 rg ");
  append_reals (ap, 4, x1, bottom, x2 - x1, top - bottom);
  g_string_append (ap, " re f\n");
  append_reals (ap, 3, annotation->red, annotation->green, annotation->blue);
  g_string_append (ap, " RG ");
  append_reals (ap, 3, annotation->red, annotation->green, annotation->blue);
  g_string_append (ap, " rg 0.75 w ");
  append_reals (ap, 4, x1 + 0.375, bottom + 0.375, x2 - x1 - 0.75, top - bottom - 0.75);
  g_string_append (ap, " re S\nBT /F1 ");
  append_real (ap, FREE_TEXT_SIZE);
  g_string_append (ap, " Tf\n");
  lines = wrap_text (annotation->contents, x2 - x1 - 2 * FREE_TEXT_PADDING, FREE_TEXT_SIZE);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      double baseline = top - FREE_TEXT_PADDING - FREE_TEXT_SIZE * (0.88 + 1.2 * i);

      if (baseline < bottom)
        break;
      g_string_append (ap, "1 0 0 1 ");
      append_reals (ap, 2, x1 + FREE_TEXT_PADDING, baseline);
      g_string_append (ap, " Tm ");
      append_shown_text (ap, line, g_utf8_strlen (line, -1));
      g_string_append (ap, " Tj\n");
    }
  g_string_append (ap, "ET\n");

  stream = update->next++;
  g_string_append (dict, "/Type /XObject /Subtype /Form /BBox [");
  append_reals (dict, 4, x1, bottom, x2, top);
  g_string_append_printf (dict, "] /Resources << /Font << /F1 %d 0 R >> >>", *font);
  append_stream_object (update, stream, dict->str, ap);

  begin_object (update, number);
  g_string_append (update->body, "<< /Type /Annot /Subtype /FreeText");
  append_common (update->body, annotation, height);
  g_string_append (update->body, " /DA (/F1 ");
  append_real (update->body, FREE_TEXT_SIZE);
  g_string_append (update->body, " Tf ");
  append_reals (update->body, 3, annotation->red, annotation->green, annotation->blue);
  g_string_append_printf (update->body, " rg) /Q 0 /BS << /W 0.75 >> /AP << /N %d 0 R >> >>\nendobj\n",
                          stream);
}

static void
append_ink (Update             *update,
            int                 number,
            const SbAnnotation *annotation,
            double              height)
{
  g_autoptr(GString) ap = g_string_new (NULL);
  g_autoptr(GString) dict = g_string_new (NULL);
  int stream;

  append_reals (ap, 3, annotation->red, annotation->green, annotation->blue);
  g_string_append (ap, " RG ");
  append_real (ap, SB_ANNOTATION_INK_WIDTH);
  g_string_append (ap, " w 1 J 1 j\n");
  for (guint i = 0; i < annotation->strokes->len; i++)
    {
      GArray *points = g_ptr_array_index (annotation->strokes, i);

      for (guint j = 0; j + 1 < points->len; j += 2)
        {
          append_reals (ap, 2, g_array_index (points, double, j),
                        height - g_array_index (points, double, j + 1));
          g_string_append (ap, j == 0 ? " m\n" : " l\n");
        }
      if (points->len == 2)
        {
          /* A dot: a stroke of no length, drawn with its round cap. */
          append_reals (ap, 2, g_array_index (points, double, 0),
                        height - g_array_index (points, double, 1));
          g_string_append (ap, " l\n");
        }
      g_string_append (ap, "S\n");
    }

  stream = update->next++;
  g_string_append (dict, "/Type /XObject /Subtype /Form /BBox [");
  append_reals (dict, 4, annotation->area.x1, height - annotation->area.y2,
                annotation->area.x2, height - annotation->area.y1);
  g_string_append (dict, "]");
  append_stream_object (update, stream, dict->str, ap);

  begin_object (update, number);
  g_string_append (update->body, "<< /Type /Annot /Subtype /Ink");
  append_common (update->body, annotation, height);
  g_string_append (update->body, " /InkList [");
  for (guint i = 0; i < annotation->strokes->len; i++)
    {
      GArray *points = g_ptr_array_index (annotation->strokes, i);

      g_string_append (update->body, "[");
      for (guint j = 0; j + 1 < points->len; j += 2)
        {
          if (j > 0)
            g_string_append_c (update->body, ' ');
          append_reals (update->body, 2, g_array_index (points, double, j),
                        height - g_array_index (points, double, j + 1));
        }
      g_string_append (update->body, "]");
    }
  g_string_append (update->body, "] /BS << /W ");
  append_real (update->body, SB_ANNOTATION_INK_WIDTH);
  g_string_append_printf (update->body, " >> /AP << /N %d 0 R >> >>\nendobj\n", stream);
}

/* A highlight, an underline or a note as Poppler writes it, with the
 * annotation's own dates.  Readers draw their appearance themselves, as
 * they do for Poppler's. */
static void
append_markup (Update             *update,
               int                 number,
               const SbAnnotation *annotation,
               double              height,
               const char         *page_ref)
{
  SbAnnotation *copy = sb_annotation_copy (annotation);

  begin_object (update, number);
  if (annotation->kind == SB_ANNOTATION_NOTE)
    {
      copy->area.x2 = copy->area.x1 + SB_ANNOTATION_NOTE_SIZE;
      copy->area.y2 = copy->area.y1 + SB_ANNOTATION_NOTE_SIZE;
      g_string_append (update->body, "<< /Type /Annot /Subtype /Text /Name /Note /Open false");
      append_common (update->body, copy, height);
    }
  else
    {
      g_string_append_printf (update->body, "<< /Type /Annot /Subtype /%s",
                              annotation->kind == SB_ANNOTATION_HIGHLIGHT ? "Highlight" : "Underline");
      append_common (update->body, copy, height);
      g_string_append (update->body, " /QuadPoints [");
      for (guint i = 0; i < annotation->rects->len; i++)
        {
          SbPdfRect *r = &g_array_index (annotation->rects, SbPdfRect, i);

          if (i > 0)
            g_string_append_c (update->body, ' ');
          /* Upper left, upper right, lower left, lower right. */
          append_reals (update->body, 8, r->x1, height - r->y1, r->x2, height - r->y1,
                        r->x1, height - r->y2, r->x2, height - r->y2);
        }
      g_string_append (update->body, "]");
    }
  if (page_ref != NULL && *page_ref != '\0')
    g_string_append_printf (update->body, " /P %s", page_ref);
  g_string_append (update->body, " >>\nendobj\n");
  sb_annotation_free (copy);
}

/* Writing: finding our way in the saved file */

static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i > 0; i--)
    {
      if (memcmp (data + i - 1, needle, n) == 0)
        return data + i - 1;
    }

  return NULL;
}

static const char *
find_first (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    {
      if (memcmp (data + i, needle, n) == 0)
        return data + i;
    }

  return NULL;
}

/* The number of the object whose body holds @position: the last
 * "N G obj" before it. */
static int
object_number_at (const char *data,
                  const char *position)
{
  const char *obj = find_last (data, position - data, " obj");
  const char *p;

  if (obj == NULL)
    return -1;
  p = obj;
  while (p > data && g_ascii_isdigit (p[-1]))    /* generation */
    p--;
  if (p == obj || p == data || p[-1] != ' ')
    return -1;
  p--;
  while (p > data && g_ascii_isdigit (p[-1]))    /* number */
    p--;

  return atoi (p);
}

/* The value of @key in the trailer dictionary @dict, as written there:
 * "12", "5 0 R" or "[<…><…>]". */
static char *
dict_value (const char *dict,
            gsize       length,
            const char *key)
{
  const char *p = find_first (dict, length, key);
  const char *end = dict + length;
  const char *start;

  if (p == NULL)
    return NULL;
  p += strlen (key);
  while (p < end && g_ascii_isspace (*p))
    p++;
  start = p;
  if (p < end && *p == '[')
    {
      /* Skip literal strings, which may hold any byte, "]" among them. */
      int depth = 0;

      for (; p < end; p++)
        {
          if (depth > 0 && *p == '\\')
            p++;
          else if (*p == '(')
            depth++;
          else if (*p == ')' && depth > 0)
            depth--;
          else if (*p == ']' && depth == 0)
            break;
        }
      return p < end ? g_strndup (start, p + 1 - start) : NULL;
    }
  /* A number, or a reference "N G R". */
  while (p < end && (g_ascii_isdigit (*p) || *p == ' '))
    p++;
  if (p < end && *p == 'R')
    p++;

  return g_strstrip (g_strndup (start, p - start));
}

typedef struct
{
  SbAnnotation *annotation;
  char         *marker;
  double        height;
} Placeholder;

static void
placeholder_clear (gpointer data)
{
  Placeholder *placeholder = data;

  g_free (placeholder->marker);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static gboolean
append_update (const char  *path,
               GArray      *placeholders,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *prev_text = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *root = NULL;
  g_autofree char *info = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) tail = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *startxref, *dict, *dict_end;
  gboolean xref_stream;
  gsize length;
  gint64 prev;
  int font = 0;
  Update update = { 0 };

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }

  startxref = find_last (contents, length, "startxref");
  if (startxref == NULL)
    goto unreadable;
  prev = g_ascii_strtoll (startxref + strlen ("startxref"), NULL, 10);
  if (prev <= 0 || (gsize) prev >= length)
    goto unreadable;

  xref_stream = strncmp (contents + prev, "xref", 4) != 0;
  if (xref_stream)
    {
      dict = contents + prev;
      dict_end = find_first (dict, length - prev, "stream");
    }
  else
    {
      dict = find_first (contents + prev, length - prev, "trailer");
      dict_end = dict != NULL ? find_first (dict, contents + length - dict, "startxref") : NULL;
    }
  if (dict == NULL || dict_end == NULL)
    goto unreadable;

  if (find_first (dict, dict_end - dict, "/Encrypt") != NULL)
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_UNSUPPORTED,
                   _("Free text and ink cannot be added to a PDF protected by a password"));
      return FALSE;
    }
  size_text = dict_value (dict, dict_end - dict, "/Size");
  root = dict_value (dict, dict_end - dict, "/Root");
  info = dict_value (dict, dict_end - dict, "/Info");
  id = dict_value (dict, dict_end - dict, "/ID");
  if (size_text == NULL || root == NULL)
    goto unreadable;

  update.body = g_string_new (NULL);
  update.base = length + 1;       /* after the newline below */
  update.numbers = g_array_new (FALSE, FALSE, sizeof (int));
  update.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  update.next = atoi (size_text);

  for (guint i = 0; i < placeholders->len; i++)
    {
      Placeholder *placeholder = &g_array_index (placeholders, Placeholder, i);
      const char *marker = find_last (contents, length, placeholder->marker);
      int number = marker != NULL ? object_number_at (contents, marker) : -1;

      if (number <= 0)
        goto unreadable;
      switch (placeholder->annotation->kind)
        {
        case SB_ANNOTATION_FREE_TEXT:
          append_free_text (&update, number, placeholder->annotation, placeholder->height, &font);
          break;
        case SB_ANNOTATION_INK:
          append_ink (&update, number, placeholder->annotation, placeholder->height);
          break;
        case SB_ANNOTATION_HIGHLIGHT:
        case SB_ANNOTATION_UNDERLINE:
        case SB_ANNOTATION_NOTE:
          {
            /* Poppler's own object tells which page it is on. */
            const char *end = find_first (marker, contents + length - marker, "endobj");
            const char *start = find_last (contents, marker - contents, " obj");
            g_autofree char *page_ref = start != NULL && end != NULL
                                        ? dict_value (start, end - start, "/P ") : NULL;

            append_markup (&update, number, placeholder->annotation, placeholder->height, page_ref);
          }
          break;
        case SB_N_ANNOTATION_KINDS:
        default:
          g_assert_not_reached ();
        }
    }

  tail = g_string_new ("\n");
  g_string_append_len (tail, update.body->str, update.body->len);

  /* The cross-reference section, sorted by object number. */
  {
    g_autoptr(GArray) sorted = g_array_copy (update.numbers);
    g_autoptr(GArray) sorted_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

    g_array_sort (sorted, compare_ints);
    for (guint i = 0; i < sorted->len; i++)
      for (guint j = 0; j < update.numbers->len; j++)
        if (g_array_index (update.numbers, int, j) == g_array_index (sorted, int, i))
          g_array_append_val (sorted_offsets, g_array_index (update.offsets, gsize, j));

    if (!xref_stream)
      {
        gsize xref_offset = length + tail->len;

        g_string_append (tail, "xref\n");
        for (guint i = 0; i < sorted->len; i++)
          g_string_append_printf (tail, "%d 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                                  g_array_index (sorted, int, i),
                                  g_array_index (sorted_offsets, gsize, i));
        g_string_append_printf (tail, "trailer\n<< /Size %d /Root %s", update.next, root);
        if (info != NULL)
          g_string_append_printf (tail, " /Info %s", info);
        if (id != NULL)
          g_string_append_printf (tail, " /ID %s", id);
        g_string_append_printf (tail, " /Prev %" G_GINT64_FORMAT " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                                prev, xref_offset);
      }
    else
      {
        /* An update of a file with a cross-reference stream adds one too. */
        int self_number = update.next++;
        gsize xref_offset = length + tail->len;
        g_autoptr(GString) entries = g_string_new (NULL);
        g_autoptr(GString) index = g_string_new (NULL);

        g_array_append_val (sorted, self_number);
        g_array_append_val (sorted_offsets, xref_offset);
        for (guint i = 0; i < sorted->len; i++)
          {
            gsize offset = g_array_index (sorted_offsets, gsize, i);

            g_string_append_c (entries, 1);
            g_string_append_c (entries, (offset >> 24) & 0xff);
            g_string_append_c (entries, (offset >> 16) & 0xff);
            g_string_append_c (entries, (offset >> 8) & 0xff);
            g_string_append_c (entries, offset & 0xff);
            g_string_append_c (entries, 0);
            g_string_append_c (entries, 0);
            g_string_append_printf (index, "%s%d 1", i > 0 ? " " : "", g_array_index (sorted, int, i));
          }
        g_string_append_printf (tail, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Index [%s] /Root %s",
                                self_number, update.next, index->str, root);
        if (info != NULL)
          g_string_append_printf (tail, " /Info %s", info);
        if (id != NULL)
          g_string_append_printf (tail, " /ID %s", id);
        g_string_append_printf (tail, " /Prev %" G_GINT64_FORMAT " /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                                prev, entries->len);
        g_string_append_len (tail, entries->str, entries->len);
        g_string_append_printf (tail, "\nendstream\nendobj\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                                xref_offset);
      }
  }

  g_string_free (update.body, TRUE);
  g_array_unref (update.numbers);
  g_array_unref (update.offsets);

  {
    g_autoptr(GString) whole = g_string_new_len (contents, length);

    g_string_append_len (whole, tail->str, tail->len);
    if (!g_file_set_contents (path, whole->str, whole->len, &local_error))
      {
        g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_WRITE, "%s", local_error->message);
        return FALSE;
      }
  }

  return TRUE;

unreadable:
  if (update.body != NULL)
    {
      g_string_free (update.body, TRUE);
      g_array_unref (update.numbers);
      g_array_unref (update.offsets);
    }
  g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_UNSUPPORTED,
               _("Free text and ink could not be added: the saved PDF is not laid out as expected"));
  return FALSE;
}

/* Writing: Poppler */

static GArray *
quadrilaterals (const SbAnnotation *annotation,
                double              height,
                PopplerRectangle   *bounds)
{
  GArray *quads = g_array_new (FALSE, FALSE, sizeof (PopplerQuadrilateral));

  for (guint i = 0; i < annotation->rects->len; i++)
    {
      SbPdfRect *r = &g_array_index (annotation->rects, SbPdfRect, i);
      PopplerQuadrilateral quad;

      quad.p1.x = r->x1; quad.p1.y = height - r->y1;
      quad.p2.x = r->x2; quad.p2.y = height - r->y1;
      quad.p3.x = r->x1; quad.p3.y = height - r->y2;
      quad.p4.x = r->x2; quad.p4.y = height - r->y2;
      g_array_append_val (quads, quad);
    }

  bounds->x1 = annotation->area.x1;
  bounds->x2 = annotation->area.x2;
  bounds->y1 = height - annotation->area.y2;
  bounds->y2 = height - annotation->area.y1;

  return quads;
}

static void
set_common (PopplerAnnot       *annot,
            const SbAnnotation *annotation)
{
  PopplerColor colour = {
    (guint16) (CLAMP (annotation->red, 0, 1) * 65535),
    (guint16) (CLAMP (annotation->green, 0, 1) * 65535),
    (guint16) (CLAMP (annotation->blue, 0, 1) * 65535),
  };

  poppler_annot_set_color (annot, &colour);
  poppler_annot_set_flags (annot, POPPLER_ANNOT_FLAG_PRINT);
  if (annotation->contents != NULL && *annotation->contents != '\0')
    poppler_annot_set_contents (annot, annotation->contents);
  if (POPPLER_IS_ANNOT_MARKUP (annot))
    poppler_annot_markup_set_label (POPPLER_ANNOT_MARKUP (annot), annotation->author);
}

static char *
hex_marker (const char *marker)
{
  GString *out = g_string_new (NULL);

  append_text_string (out, marker);
  return g_string_free (out, FALSE);
}

/**
 * sb_annotation_pdf_write:
 * @source: the original PDF
 * @display_name: its name, for messages
 * @password: (nullable): its password, if it has one
 * @annotations: (element-type SbAnnotation): what to add
 * @destination: the new file; it is replaced only when complete
 *
 * Writes a copy of @source with @annotations added to its pages.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
sb_annotation_pdf_write (GBytes      *source,
                         const char  *display_name,
                         const char  *password,
                         GPtrArray   *annotations,
                         const char  *destination,
                         GError     **error)
{
  g_autoptr(GArray) placeholders = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *dest_display = NULL;
  g_autoptr(GPtrArray) read_back = NULL;
  PopplerDocument *document;
  PopplerDocument *check = NULL;
  gboolean encrypted;
  int n_pages;
  int fd;
  guint expected = 0;
  guint found = 0;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  dest_display = g_filename_display_name (destination);
  document = sb_pdf_open_bytes (source, display_name, password, error);
  if (document == NULL)
    return FALSE;

  {
    gsize length;
    const char *data = g_bytes_get_data (source, &length);

    encrypted = find_first (data, length, "/Encrypt") != NULL;
  }
  for (guint i = 0; encrypted && i < annotations->len; i++)
    {
      SbAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (annotation->kind == SB_ANNOTATION_FREE_TEXT || annotation->kind == SB_ANNOTATION_INK)
        {
          g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_UNSUPPORTED,
                       _("Free text and ink cannot be added to a PDF protected by a password"));
          g_object_unref (document);
          return FALSE;
        }
    }

  placeholders = g_array_new (FALSE, TRUE, sizeof (Placeholder));
  g_array_set_clear_func (placeholders, placeholder_clear);
  n_pages = poppler_document_get_n_pages (document);

  for (guint i = 0; i < annotations->len; i++)
    {
      SbAnnotation *annotation = g_ptr_array_index (annotations, i);
      PopplerPage *page;
      PopplerAnnot *annot = NULL;
      PopplerRectangle rect;
      double width, height;

      if (annotation->page < 0 || annotation->page >= n_pages)
        {
          g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_NO_PAGE,
                       _("An annotation is on page %d, but “%s” has %d pages"),
                       annotation->page + 1, display_name, n_pages);
          g_object_unref (document);
          return FALSE;
        }

      page = poppler_document_get_page (document, annotation->page);
      poppler_page_get_size (page, &width, &height);
      rect.x1 = annotation->area.x1;
      rect.x2 = annotation->area.x2;
      rect.y1 = height - annotation->area.y2;
      rect.y2 = height - annotation->area.y1;

      switch (annotation->kind)
        {
        case SB_ANNOTATION_HIGHLIGHT:
        case SB_ANNOTATION_UNDERLINE:
          {
            g_autoptr(GArray) quads = quadrilaterals (annotation, height, &rect);

            if (quads->len == 0)
              break;
            if (annotation->kind == SB_ANNOTATION_HIGHLIGHT)
              annot = poppler_annot_text_markup_new_highlight (document, &rect, quads);
            else
              annot = poppler_annot_text_markup_new_underline (document, &rect, quads);
          }
          break;

        case SB_ANNOTATION_NOTE:
          rect.x2 = rect.x1 + SB_ANNOTATION_NOTE_SIZE;
          rect.y1 = rect.y2 - SB_ANNOTATION_NOTE_SIZE;
          annot = poppler_annot_text_new (document, &rect);
          break;

        case SB_ANNOTATION_FREE_TEXT:
        case SB_ANNOTATION_INK:
          {
            Placeholder placeholder = { annotation, NULL, height };
            g_autofree char *name = g_strdup_printf ("stdbase-placeholder-%u-%08x", i, g_random_int ());

            annot = poppler_annot_square_new (document, &rect);
            poppler_annot_set_contents (annot, name);
            placeholder.marker = hex_marker (name);
            g_array_append_val (placeholders, placeholder);
          }
          break;

        case SB_N_ANNOTATION_KINDS:
        default:
          g_assert_not_reached ();
        }

      if (annot != NULL)
        {
          if (annotation->kind != SB_ANNOTATION_FREE_TEXT && annotation->kind != SB_ANNOTATION_INK)
            {
              set_common (annot, annotation);
              /* Poppler dates what it writes with the time of writing; the
               * update gives the annotation its own date.  An encrypted
               * file keeps Poppler's, since the update is not encrypted. */
              if (!encrypted)
                {
                  Placeholder placeholder = { annotation, NULL, height };
                  g_autofree char *name = g_strdup_printf ("stdbase-placeholder-%u-%08x", i, g_random_int ());

                  poppler_annot_set_contents (annot, name);
                  placeholder.marker = hex_marker (name);
                  g_array_append_val (placeholders, placeholder);
                }
            }
          poppler_page_add_annot (page, annot);
          g_object_unref (annot);
          expected++;
        }
      g_object_unref (page);
    }

  /* Beside the destination, so that the move into place is a rename. */
  {
    g_autofree char *dir = g_path_get_dirname (destination);
    g_autofree char *base = g_path_get_basename (destination);
    g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);

    temporary = g_build_filename (dir, template, NULL);
    fd = g_mkstemp (temporary);
    if (fd < 0)
      {
        int saved_errno = errno;

        g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_WRITE,
                     _("Could not write “%s”: %s"), dest_display, g_strerror (saved_errno));
        g_object_unref (document);
        return FALSE;
      }
    g_close (fd, NULL);
  }

  uri = g_filename_to_uri (temporary, NULL, NULL);
  if (!poppler_document_save (document, uri, &local_error))
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_WRITE,
                   _("Could not write “%s”: %s"), dest_display, local_error->message);
      g_object_unref (document);
      g_unlink (temporary);
      return FALSE;
    }
  g_object_unref (document);

  if (placeholders->len > 0 && !append_update (temporary, placeholders, error))
    {
      g_unlink (temporary);
      return FALSE;
    }

  /* Read back what was written before it replaces anything. */
  check = sb_pdf_open (temporary, password, &local_error);
  if (check != NULL)
    {
      g_autoptr(GPtrArray) before = NULL;

      read_back = sb_annotation_pdf_read (check);
      g_object_unref (check);
      /* Annotations the original already had count too. */
      check = sb_pdf_open_bytes (source, display_name, password, NULL);
      before = check != NULL ? sb_annotation_pdf_read (check) : NULL;
      g_clear_object (&check);
      found = read_back->len - (before != NULL ? before->len : 0);
    }
  if (found != expected)
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_WRITE,
                   _("Could not write “%s”: the new file does not read back with its annotations"),
                   dest_display);
      g_unlink (temporary);
      return FALSE;
    }

  if (g_rename (temporary, destination) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_WRITE,
                   _("Could not write “%s”: %s"), dest_display, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}
